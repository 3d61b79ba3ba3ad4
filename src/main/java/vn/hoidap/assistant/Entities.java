package vn.hoidap.assistant;

import vn.hoidap.corpus.Agency;

import java.util.List;

/**
 * What a question names. {@code province} is the corpus's name for a province that has plans;
 * {@code unknownPlace} a province the corpus has no plan for; {@code mentions} the folded phrases that
 * named entities (removed from the question's content before matching).
 */
record Entities(
        String province,
        List<String> provincePlanIds,
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
