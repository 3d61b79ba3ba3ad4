package vn.hoidap.assistant;

import java.util.Optional;

/**
 * One kind of answer (a task card, an agency's tasks, targets, a plan fact, an FAQ entry, a passage …).
 * Empty when the question is not of its kind or nothing matches; a reply with {@code fallback} true when it
 * is of its kind but the selected plans do not contain what was asked (honest absence).
 */
interface Answerer {
    Optional<Reply> answer(Understanding u);
}
