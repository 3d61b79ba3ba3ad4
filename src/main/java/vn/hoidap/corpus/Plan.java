package vn.hoidap.corpus;

import java.util.List;

/**
 * A plan document as the service understands it. {@code originalText} is the file as received;
 * {@code text} is the repaired (and for OCR, diacritic-restored) text people are shown.
 * {@code targetsPartFound} tells whether the document has a targets part ("Mục tiêu") at all: a plan without
 * one says nothing about targets, so "no targets" may be said only when it is true and {@code targets} is empty.
 */
public record Plan(
        PlanMetadata meta,
        String originalText,
        String text,
        List<Section> outline,
        List<Task> tasks,
        List<Target> targets,
        List<ReportingDeadline> deadlines,
        List<Responsibility> responsibilities,
        boolean targetsPartFound) implements java.io.Serializable {

    /** A plan whose targets part is taken to exist exactly when it lists targets. */
    public Plan(PlanMetadata meta, String originalText, String text, List<Section> outline, List<Task> tasks,
                List<Target> targets, List<ReportingDeadline> deadlines, List<Responsibility> responsibilities) {
        this(meta, originalText, text, outline, tasks, targets, deadlines, responsibilities, !targets.isEmpty());
    }

    public Plan {
        outline = List.copyOf(outline);
        tasks = List.copyOf(tasks);
        targets = List.copyOf(targets);
        deadlines = List.copyOf(deadlines);
        responsibilities = List.copyOf(responsibilities);
    }

    public String id() {
        return meta.id();
    }

    /**
     * By id, consistent with the record's equals (equal plans have equal ids): the generated hash walks the
     * whole outline, every task and target, and plans are keys of per-question maps.
     */
    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(meta == null ? null : meta.id());
    }
}
