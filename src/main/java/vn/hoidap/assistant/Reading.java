package vn.hoidap.assistant;

/**
 * A question read on its own, before the dialogue state: what the {@link Understander} finds in the text.
 *
 * @param subjectWords   content words left once entity mentions and the facet's own cue words are removed:
 *                       0 for "vậy ai phối hợp?" or "còn Bình Phước?"
 * @param subject        those words themselves: what a unit must cover ("hạ tầng 5G IoT khu công nghiệp")
 * @param followUpMarker the question starts like "còn …" or ends like "… thì sao?"
 * @param refersBack     the question points at something already said ("nhiệm vụ hội thảo đó", "việc này"):
 *                       its subject words only name the unit under discussion
 */
record Reading(
        String text,
        String folded,
        Intent intent,
        double intentConfidence,
        Facet facet,
        AskedSpecifics specifics,
        Intent refusal,
        Entities entities,
        String content,
        String placeContent,
        int subjectWords,
        String subject,
        String organisation,
        boolean followUpMarker,
        boolean refersBack) {
}
