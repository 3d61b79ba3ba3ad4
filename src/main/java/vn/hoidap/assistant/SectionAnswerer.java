package vn.hoidap.assistant;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Section;
import vn.hoidap.corpus.Task;
import vn.hoidap.corpus.extract.OutlineParser;
import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A section named by its number — "mục III.1.đ của kế hoạch 179 nói gì?", "mục 4.5 trong dự thảo …",
 * "Mục V.7 … giao cho ai?" — answered with the section itself: its heading, its first lines, its items and
 * the tasks filed under it, cited. The number is matched against the plan's own outline (the paths the
 * extractor or the curated sheet gave it), whole path first, then as the tail of a path ("4.5" is III.4.5 of
 * a plan whose Arabic parts sit under a Roman one). A number the plan does not have gets an honest answer
 * that names the plan's top-level parts.
 */
@Singleton
final class SectionAnswerer implements Answerer {

    /** "mục III.1.đ", "muc 4.5", "phần II", "mục V.7": a Roman or Arabic first part, then dotted parts. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\p{L}\\d])(?:tiểu mục|tieu muc|mục|muc|phần|phan)\\s+(?:số\\s+|so\\s+)?"
                    + "((?:[ivxl]+|\\d{1,2})(?:\\s*\\.\\s*(?:[ivxl]+|\\d{1,2}|[a-zđ]))*)(?![\\p{L}\\d])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ROMAN = Pattern.compile("(?i)x{0,3}(?:ix|iv|v?i{0,3})");
    private static final int ITEMS = 8;
    private static final int TASKS = 5;

    private final Knowledge knowledge;

    SectionAnswerer(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    /** The section number a question names ("III.1.đ"), normalised; null when it names none. */
    static String reference(String text) {
        Matcher m = REFERENCE.matcher(Fold.nfc(text));
        while (m.find()) {
            String[] parts = m.group(1).replaceAll("\\s+", "").split("\\.");
            if (parts.length == 0 || parts[0].isEmpty()) {
                continue;
            }
            boolean roman = Character.isLetter(parts[0].charAt(0));
            if (roman && !ROMAN.matcher(parts[0]).matches()) {
                continue;
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i];
                boolean letter = Character.isLetter(p.charAt(0));
                // a Roman part is upper case in the outline ("III"), a lettered item lower case ("đ")
                out.add(letter && (i == 0 || ROMAN.matcher(p).matches() && p.length() > 1)
                        ? p.toUpperCase(Locale.ROOT) : p.toLowerCase(Locale.ROOT));
            }
            return String.join(".", out);
        }
        return null;
    }

    @Override
    public Optional<Reply> answer(Understanding u) {
        String ref = reference(u.text());
        if (ref == null) {
            return Optional.empty();
        }
        List<Plan> plans = u.plans();
        boolean named = u.province() != null || u.specifics().documentNumber() != null;
        if (!named) {
            // "còn mục III.2 thì sao?": the plan the conversation is about
            Optional<Plan> kept = u.state() == null || u.state().planId() == null ? Optional.empty()
                    : knowledge.plan(u.state().planId());
            if (kept.isEmpty()) {
                return Optional.empty();
            }
            plans = List.of(kept.get());
        }
        if (plans.isEmpty()) {
            return Optional.empty();
        }
        for (Plan p : plans) {
            Optional<Section> s = find(p, ref);
            if (s.isPresent()) {
                return Optional.of(describe(u, p, s.get()));
            }
        }
        return Optional.of(absent(u, plans.get(0), ref));
    }

    /** The whole path first, then the shortest path that ends with it; diacritics matter only to break ties. */
    static Optional<Section> find(Plan plan, String ref) {
        List<Section> all = OutlineParser.flatten(plan.outline());
        for (boolean folded : new boolean[]{false, true}) {
            String want = key(ref, folded);
            Optional<Section> exact = all.stream().filter(s -> key(s.path(), folded).equals(want)).findFirst();
            if (exact.isPresent()) {
                return exact;
            }
            Optional<Section> tail = all.stream()
                    .filter(s -> !s.path().startsWith("PL") && key(s.path(), folded).endsWith("." + want))
                    .min(Comparator.comparingInt(s -> s.path().split("\\.").length));
            if (tail.isPresent()) {
                return tail;
            }
        }
        return Optional.empty();
    }

    private static String key(String path, boolean folded) {
        String p = path == null ? "" : path.toLowerCase(Locale.ROOT);
        return folded ? Fold.fold(p) : p;
    }

    private Reply describe(Understanding u, Plan plan, Section section) {
        Section shown = section;
        if (u.agency() != null && !section.children().isEmpty()) {
            // "Mục IV của KH 617 giao Sở Văn hóa … làm gì?": the item of that part about the named body
            String name = Fold.fold(u.agency().name());
            shown = section.children().stream()
                    .filter(c -> Fold.fold(c.heading() + " " + c.text()).contains(name)
                            || knowledge.agencies().findIn(c.heading()).stream()
                            .anyMatch(h -> h.agency().id().equals(u.agency().id())))
                    .findFirst().orElse(section);
        }
        List<String> lines = new ArrayList<>();
        lines.add(capitalised(Wording.section(shown.path())) + " của " + Wording.plan(plan) + ": «"
                + Wording.shorten(shown.heading().strip(), 200) + "»");
        if (shown.text() != null && !shown.text().isBlank()) {
            lines.add(Wording.shorten(shown.text().strip(), 500));
        }
        shown.children().stream().limit(ITEMS)
                .forEach(c -> lines.add("- " + Wording.shorten(c.heading().strip(), 200)));
        if (shown.children().size() > ITEMS) {
            lines.add("(và " + (shown.children().size() - ITEMS) + " mục khác)");
        }
        String prefix = shown.path() + ".";
        String path = shown.path();
        List<Task> tasks = plan.tasks().stream()
                .filter(t -> t.section() != null && (t.section().equals(path) || t.section().startsWith(prefix))).toList();
        if (!tasks.isEmpty()) {
            lines.add("Nhiệm vụ trong mục này:");
            for (Task t : tasks.stream().limit(TASKS).toList()) {
                String lead = t.lead().isEmpty() ? "" : " — chủ trì: " + Wording.join(t.lead().stream().map(m -> m.text()).toList());
                lines.add("- «" + Wording.shorten(t.title(), 160) + "»" + lead);
            }
        }
        Source source = Wording.source(plan, shown.path(), null, shown.heading() + " " + (shown.text() == null ? "" : shown.text()));
        DialogueState next = DialogueState.after(u, plan.id(), plan.meta().province(), DialogueState.SECTION, shown.path());
        return Reply.answer(String.join("\n", lines), List.of(source), 0.9, next, Reply.TOPIC_FROM_QUESTION);
    }

    /** Honest absence: the plan has no such section; its top-level parts are named instead. */
    private Reply absent(Understanding u, Plan plan, String ref) {
        List<String> parts = plan.outline().stream().map(s -> Wording.shorten(s.heading().strip(), 80)).toList();
        String text = "Tôi không tìm thấy mục " + ref + " trong " + Wording.plan(plan) + "."
                + (parts.isEmpty() ? "" : " Kế hoạch gồm các phần: " + String.join("; ", parts) + ".");
        List<String> suggestions = plan.outline().stream().limit(3)
                .map(s -> "Mục " + s.path() + " của " + Wording.plan(plan) + " nói gì?").toList();
        return new Reply(text, List.of(), suggestions, true, 0.85, u.state(), Reply.TOPIC_FROM_QUESTION);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
