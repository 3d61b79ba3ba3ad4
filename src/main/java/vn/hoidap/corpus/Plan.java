package vn.hoidap.corpus;

import java.util.List;

/**
 * A plan document as the service understands it. {@code originalText} is the file as received;
 * {@code text} is the repaired (and for OCR, diacritic-restored) text people are shown.
 */
public record Plan(
        PlanMetadata meta,
        String originalText,
        String text,
        List<Section> outline,
        List<Task> tasks,
        List<Target> targets,
        List<ReportingDeadline> deadlines,
        List<Responsibility> responsibilities) {

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
}
