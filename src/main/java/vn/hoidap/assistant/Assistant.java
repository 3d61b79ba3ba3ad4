package vn.hoidap.assistant;

/**
 * The one thing channels know about: a question in, an answer out. Implementations publish a
 * {@link QuestionAnswered} event after each answer so the query log records it off the request path.
 */
public interface Assistant {
    Answer answer(Question question);
}
