package vn.hoidap.search;

/**
 * One result. {@code id} identifies the unit within its type: the task id for TASK (with {@code planId}),
 * the FAQ id for FAQ, the section path for PASSAGE, "&lt;index&gt;" in the plan's list for TARGET, DEADLINE
 * and RESPONSIBILITY. {@code text} is the unit's full (restored) text, {@code snippet} a short extract.
 */
public record SearchHit(UnitType type, String id, String planId, String title, String text, String snippet,
                        String section, String url, float score) {
}
