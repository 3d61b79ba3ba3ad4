package vn.hoidap.assistant;

import java.util.Locale;

/**
 * What a question asks for. Names match corpus/intents/&lt;name&gt;.txt in lower case; the refusals are
 * recognised by cues (corpus/assistant/cues.yaml), not by the classifier, and logged under their own name.
 */
enum Intent {
    AGENCY_TASKS, TASK_WHO, TASK_WHEN, TASK_RESULT, TARGETS, DEADLINES, PLAN_FACTS, FAQ,
    GREETING, THANKS, IDENTITY, CAPABILITIES, OUT_OF_SCOPE, REFUSAL_PERSONAL_DATA, REFUSAL_OVERRIDE, INVALID;

    static Intent of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return OUT_OF_SCOPE;
        }
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean isTaskDetail() {
        return this == TASK_WHO || this == TASK_WHEN || this == TASK_RESULT;
    }

    boolean isSmallTalk() {
        return this == GREETING || this == THANKS || this == IDENTITY || this == CAPABILITIES;
    }

    /** Intents answered from a plan, so a province matters. */
    boolean isPlanBound() {
        return this == AGENCY_TASKS || isTaskDetail() || this == TARGETS || this == DEADLINES || this == PLAN_FACTS;
    }

    /**
     * The intent a facet asks for when the classifier's verdict cannot be trusted (an off-topic verdict on a
     * question that names a plan); null when the facet says nothing of the kind of answer.
     */
    static Intent forFacet(Facet f, boolean agencyNamed) {
        return switch (f) {
            case LEAD, COORDINATORS, LIST -> agencyNamed && f == Facet.LIST ? AGENCY_TASKS : TASK_WHO;
            case TIMELINE -> TASK_WHEN;
            case RESULT -> TASK_RESULT;
            case FIGURE -> TARGETS;
            case DEADLINE -> DEADLINES;
            case EXISTENCE -> TASK_WHO;
            default -> null;
        };
    }

    /** The task-detail intent that asks for a facet of a task card. */
    static Intent forTaskFacet(Facet f) {
        return switch (f) {
            case TIMELINE -> TASK_WHEN;
            case RESULT -> TASK_RESULT;
            default -> TASK_WHO;
        };
    }
}
