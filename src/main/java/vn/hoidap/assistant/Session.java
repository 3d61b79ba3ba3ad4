package vn.hoidap.assistant;

/**
 * What a conversation remembers for follow-ups ("còn Bình Phước?", "đơn vị nào phối hợp?"): the last
 * intent, the content of the last substantive question, and the entities in play. Immutable; the store
 * replaces it after each answer.
 */
record Session(
        String intent,
        String topicText,
        String province,
        String agencyId,
        String planId,
        String taskId,
        Integer year,
        String question) {

    static final Session EMPTY = new Session(null, null, null, null, null, null, null);

    /** Answerers describe what the answer was about; the service adds the question's own (folded) wording. */
    Session(String intent, String topicText, String province, String agencyId, String planId, String taskId,
            Integer year) {
        this(intent, topicText, province, agencyId, planId, taskId, year, null);
    }

    Session withQuestion(String folded) {
        return new Session(intent, topicText, province, agencyId, planId, taskId, year, folded);
    }
}
