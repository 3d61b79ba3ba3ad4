package vn.hoidap.assistant;

/**
 * The part of a unit a question asks for; the answer starts with it. {@code NONE} when the question names
 * only a subject ("chuyên gia chuyển đổi số Bình Định").
 */
enum Facet {
    LEAD, COORDINATORS, TIMELINE, RESULT, FIGURE, DEADLINE, DEFINITION, EXISTENCE, LIST, NONE;

    /** Facets that ask about one task's card. */
    boolean isTaskPart() {
        return this == LEAD || this == COORDINATORS || this == TIMELINE || this == RESULT;
    }
}
