package vn.hoidap.assistant;

import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.Plan;

import java.util.List;

/**
 * A question after normalisation, understanding and merging with the dialogue state.
 *
 * @param facet         the part of a unit the question asks for (lead, timeline …), NONE when it names only a subject
 * @param specifics     what the answer must contain (a year, an amount, a person …)
 * @param refusal       the kind of request refused outright (personal data, instruction override), or null
 * @param content       the content words of the question (what it is about), entity mentions removed
 * @param subject       the content words left once the facet's own cue words are gone too ("" for "vậy ai
 *                      phối hợp?"): what a unit must cover; a question with one is not answered by a plan-wide list
 * @param placeContent  the content words with province names kept (they are the subject of some FAQs)
 * @param plans         the plans selected for the answer, most relevant first (drafts only when asked)
 * @param otherPlans    plans of the same province not selected, offered as suggestions
 * @param province      the province asked about, as the corpus names it (null when none was named)
 * @param unknownPlace  a province named in the question that has no plan in the corpus
 * @param agency        the agency asked about, if the directory knows it
 * @param unknownAgency an agency-like mention the directory does not know ("Sở Xây dựng" when absent)
 * @param organisation  an organisation named that is not an agency of the directory (a Party committee,
 *                      a steering board): the subject of body text, never "an agency without tasks"
 * @param successorAsked true when the person named today's agency (after the 2025 reorganisation)
 * @param followUp      true when the question leaned on the dialogue state
 * @param unitFollowUp  true when only the facet changed: the answer is about the unit in {@code state}
 * @param state         the dialogue state before this question
 */
record Understanding(
        String text,
        String folded,
        Intent intent,
        double intentConfidence,
        Facet facet,
        AskedSpecifics specifics,
        Intent refusal,
        String content,
        String subject,
        String placeContent,
        List<Plan> plans,
        List<Plan> otherPlans,
        String province,
        String unknownPlace,
        Agency agency,
        String unknownAgency,
        String organisation,
        boolean successorAsked,
        Integer year,
        Role role,
        boolean acrossProvinces,
        boolean followUp,
        boolean unitFollowUp,
        DialogueState state) {

    Understanding {
        plans = List.copyOf(plans);
        otherPlans = List.copyOf(otherPlans);
    }

    Understanding withIntent(Intent i) {
        return new Understanding(text, folded, i, intentConfidence, facet, specifics, refusal, content, subject, placeContent,
                plans, otherPlans, province, unknownPlace, agency, unknownAgency, organisation, successorAsked, year,
                role, acrossProvinces, followUp, unitFollowUp, state);
    }

    Understanding withPlans(List<Plan> selected, List<Plan> others) {
        return new Understanding(text, folded, intent, intentConfidence, facet, specifics, refusal, content,
                subject, placeContent, selected, others, province, unknownPlace, agency, unknownAgency, organisation,
                successorAsked, year, role, acrossProvinces, followUp, unitFollowUp, state);
    }

    /** The same question about the plans of {@code p}'s province (a plan named by its number names its province). */
    Understanding withProvince(String p) {
        return new Understanding(text, folded, intent, intentConfidence, facet, specifics, refusal, content,
                subject, placeContent, plans, otherPlans, p, unknownPlace, agency, unknownAgency, organisation,
                successorAsked, year, role, acrossProvinces, followUp, unitFollowUp, state);
    }

    /** The plans of the province asked about itself (not those merged into it): they win close calls. */
    java.util.Set<String> ownPlanIds() {
        if (province == null) {
            return java.util.Set.of();
        }
        return plans.stream().filter(p -> province.equals(p.meta().province())).map(Plan::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The year the answer must be about; null when none was asked or the year only selects a plan. */
    Integer askedYear() {
        return specifics.year();
    }

    /** How many subject words the question has (0 for a facet-only or entity-only question). */
    int subjectWords() {
        return subject == null || subject.isBlank() ? 0 : subject.split(" ").length;
    }

    /** What a unit must cover: the subject, or the content when the question has no subject words of its own. */
    String subjectOrContent() {
        return subject == null || subject.isBlank() ? content : subject;
    }

    /** The subject words as a count (0 for a facet-only or entity-only question). */
    int contentWords() {
        return content.isBlank() ? 0 : content.split(" ").length;
    }
}
