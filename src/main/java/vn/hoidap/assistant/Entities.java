package vn.hoidap.assistant;

import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Province;

import java.util.List;

/**
 * What a question names. {@code province} is a province with plans in the corpus (its own, or through a
 * 2025 merger: "Gia Lai" covers the Bình Định plan); {@code ownPlans}/{@code mergedPlans} its plans;
 * {@code unknownPlace} a province the corpus has no plan for; {@code mentions} the phrases that named
 * entities (removed from the question's content before matching).
 */
record Entities(
        Province province,
        List<Plan> ownPlans,
        List<Plan> mergedPlans,
        String unknownPlace,
        Agency agency,
        boolean successorAsked,
        String unknownAgency,
        Integer year,
        Role role,
        boolean wantsDraft,
        boolean acrossProvinces,
        List<String> mentions) {
}
