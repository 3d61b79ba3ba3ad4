package vn.hoidap.assistant;

import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.Plan;

import java.util.List;

/**
 * A question after normalisation, intent classification, entity extraction and merging with the session.
 *
 * @param content       the content words of the question (what it is about), entity mentions removed
 * @param placeContent  the content words with province names kept (they are the subject of some FAQs)
 * @param plans         the plans in scope: the asked province's issued plans first (drafts only when asked)
 * @param province      the province asked about, as the corpus names it (null when none was named)
 * @param unknownPlace  a province named in the question that has no plan in the corpus
 * @param agency        the agency asked about, if the directory knows it
 * @param unknownAgency an agency-like mention the directory does not know ("Sở Xây dựng" when absent)
 * @param successorAsked true when the person named today's agency (after the 2025 reorganisation)
 * @param followUp      true when the question leaned on the session
 */
record Understanding(
        String text,
        String folded,
        Intent intent,
        double intentConfidence,
        String content,
        String placeContent,
        List<Plan> plans,
        String province,
        String unknownPlace,
        Agency agency,
        String unknownAgency,
        boolean successorAsked,
        Integer year,
        Role role,
        boolean acrossProvinces,
        boolean followUp,
        Session session) {
}
