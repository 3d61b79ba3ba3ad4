package vn.hoidap.assistant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a conversation remembers between two questions: the intent and facet last asked, the subject words,
 * the province, agency and plan in play, and the unit last discussed (a task, a target, a section, an FAQ
 * entry). A plain immutable record that serialises to and from JSON ({@link DialogueStateCodec}), so any
 * store — this instance's memory, or a table shared by replicas — can keep it.
 *
 * @param unitKind "task", "target", "section", "faq" or null
 * @param question the folded text of the last question (facts asked by wording: "ai ký", "số mấy")
 */
@Serdeable
public record DialogueState(
        @Nullable String intent,
        @Nullable String facet,
        @Nullable String topic,
        @Nullable String province,
        @Nullable String agencyId,
        @Nullable String planId,
        @Nullable String unitKind,
        @Nullable String unitId,
        @Nullable Integer year,
        @Nullable String question) {

    public static final DialogueState EMPTY = new DialogueState(null, null, null, null, null, null, null, null, null, null);

    static final String TASK = "task";
    static final String TARGET = "target";
    static final String SECTION = "section";
    static final String FAQ = "faq";

    boolean isEmpty() {
        return intent == null;
    }

    /** The state after an answer about {@code unitKind}/{@code unitId} of {@code planId}. */
    static DialogueState after(Understanding u, String planId, String province, String unitKind, String unitId) {
        String topic = u.content().isBlank() ? u.state().topic() : u.content();
        return new DialogueState(u.intent().label(), u.facet().name(), topic, province,
                u.agency() == null ? null : u.agency().id(), planId, unitKind, unitId, u.year(), null);
    }

    DialogueState withQuestion(String folded) {
        return new DialogueState(intent, facet, topic, province, agencyId, planId, unitKind, unitId, year, folded);
    }

    Facet facetOrNone() {
        if (facet == null) {
            return Facet.NONE;
        }
        try {
            return Facet.valueOf(facet);
        } catch (IllegalArgumentException e) {
            return Facet.NONE;
        }
    }
}
