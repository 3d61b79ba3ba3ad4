package vn.hoidap.assistant;

import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Task;

import java.util.List;

/**
 * "Trong phụ lục của KH 53, việc … xong trong giai đoạn nào?": a question that names the appendix asks about
 * one of its rows (the task table the extractor files under "PL."), so the row answers, not a body passage
 * or body task that shares its words; and a plan without such rows has no appendix to answer from.
 */
final class AppendixRows {

    /** The words that name the appendix itself, which no row's text holds. */
    static final List<String> WORDS = List.of("phu luc", "danh muc nhiem vu", "danh muc");

    /** What naming the appendix adds to a row's coverage: the question names the kind of unit as well. */
    static final double NAMED_BONUS = 0.15;

    private AppendixRows() {
    }

    /** Whether the (folded) question names an appendix: "phụ lục", "pl" as people abbreviate it is too vague. */
    static boolean asked(String folded) {
        if (folded == null) {
            return false;
        }
        String padded = " " + folded.replaceAll("[^a-z0-9]+", " ") + " ";
        return padded.contains(" phu luc ");
    }

    static boolean isRow(Task t) {
        return t.section() != null && t.section().startsWith("PL");
    }

    static boolean hasRows(Plan p) {
        return p.tasks().stream().anyMatch(AppendixRows::isRow);
    }

    /** The plans asked about that have no appendix rows at all (all of them when none has any). */
    static boolean noneHasRows(List<Plan> plans) {
        return !plans.isEmpty() && plans.stream().noneMatch(AppendixRows::hasRows);
    }
}
