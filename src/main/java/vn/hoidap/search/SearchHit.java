package vn.hoidap.search;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One result. {@code id} identifies the unit within its type: the task id for TASK (with {@code planId}),
 * the FAQ id for FAQ, the section path for PASSAGE, "&lt;index&gt;" in the plan's list for TARGET, DEADLINE
 * and RESPONSIBILITY. {@code text} is the unit's full (restored) text, {@code snippet} a short extract,
 * made on first read (most hits only serve ranking and never show one).
 */
public final class SearchHit {

    private final UnitType type;
    private final String id;
    private final String planId;
    private final String title;
    private final String text;
    private final String section;
    private final String url;
    private final float score;
    private Supplier<String> snippetSource;
    private volatile String snippet;

    public SearchHit(UnitType type, String id, String planId, String title, String text, String snippet,
                     String section, String url, float score) {
        this(type, id, planId, title, text, (Supplier<String>) null, section, url, score);
        this.snippet = snippet;
    }

    SearchHit(UnitType type, String id, String planId, String title, String text, Supplier<String> snippet,
              String section, String url, float score) {
        this.type = type;
        this.id = id;
        this.planId = planId;
        this.title = title;
        this.text = text;
        this.snippetSource = snippet;
        this.section = section;
        this.url = url;
        this.score = score;
    }

    public UnitType type() {
        return type;
    }

    public String id() {
        return id;
    }

    public String planId() {
        return planId;
    }

    public String title() {
        return title;
    }

    public String text() {
        return text;
    }

    public String snippet() {
        String s = snippet;
        if (s == null) {
            synchronized (this) {
                if (snippet == null && snippetSource != null) {
                    snippet = snippetSource.get();
                    snippetSource = null;
                }
                s = snippet;
            }
        }
        return s;
    }

    public String section() {
        return section;
    }

    public String url() {
        return url;
    }

    public float score() {
        return score;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchHit h && type == h.type && Objects.equals(id, h.id) && Objects.equals(planId, h.planId)
                && Objects.equals(title, h.title) && Objects.equals(text, h.text) && Objects.equals(snippet(), h.snippet())
                && Objects.equals(section, h.section) && Objects.equals(url, h.url) && Float.compare(score, h.score) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, id, planId, section, score);
    }

    @Override
    public String toString() {
        return "SearchHit[type=" + type + ", id=" + id + ", planId=" + planId + ", title=" + title + ", section="
                + section + ", score=" + score + "]";
    }
}
