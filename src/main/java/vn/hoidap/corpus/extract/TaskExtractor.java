package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.Anchors;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.Section;
import vn.hoidap.corpus.Task;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tasks of a plan automatically, so that a plan added by a user is usable before anyone curates it.
 * A task is an outline section whose own text carries a lead-agency line ("- Đơn vị chủ trì thực hiện: …",
 * OCR'd or not); its title is the heading, its description the unlabelled paragraphs, and the labelled lines
 * give lead, coordinating agencies, timeline and result. Appendix tables ("Phụ lục" of Thanh Hóa, Bình
 * Phước) are read by {@link AppendixTableReader}, best effort.
 */
public final class TaskExtractor {

    private static final Pattern NUMBERED = Pattern.compile("^(\\d+(?:\\.\\d+)+)\\.\\s");

    private final AgencyDirectory agencies;

    /** @param agencies resolves mentions to canonical agency ids; unknown mentions are kept with a null id */
    public TaskExtractor(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    public List<Task> extract(String planId, List<Section> outline) {
        return extract(planId, null, outline);
    }

    /** Mentions resolve within {@code province}: "Đài Phát thanh - Truyền hình tỉnh" is that province's station. */
    public List<Task> extract(String planId, String province, List<Section> outline) {
        Function<String, List<AgencyMention>> mentions = written -> mentions(written, province);
        List<Task> tasks = new ArrayList<>();
        for (Section s : outline) {
            if (!s.path().startsWith("PL")) {
                walk(planId, List.of(s), null, tasks, mentions);
                continue;
            }
            // An appendix read from rows carries labelled lines; an OCR'd one needs its own reader.
            List<Task> rows = new ArrayList<>();
            walk(planId, List.of(s), null, rows, mentions);
            tasks.addAll(rows.isEmpty() ? AppendixTableReader.read(planId, s, mentions) : rows);
        }
        return tasks;
    }

    private void walk(String planId, List<Section> sections, Section parent, List<Task> out,
                      Function<String, List<AgencyMention>> mentions) {
        for (Section s : sections) {
            Task t = fromSection(planId, s, parent, mentions);
            if (t != null) {
                out.add(t);
                if (labelChildren(s)) {
                    continue; // "a) Nhiệm vụ", "b) Cơ quan thực hiện" are parts of this task, not tasks
                }
            }
            walk(planId, s.children(), s, out, mentions);
        }
    }

    private Task fromSection(String planId, Section s, Section parent,
                             Function<String, List<AgencyMention>> mentions) {
        List<String> description = new ArrayList<>();
        Map<TaskLabels.Field, StringBuilder> values = new EnumMap<>(TaskLabels.Field.class);
        TaskLabels.Field last = null;
        List<String> lines = new ArrayList<>(List.of(s.text().split("\n")));
        if (labelChildren(s)) {
            // Hà Nội style: "a) Nhiệm vụ: …", "b) Cơ quan thực hiện:" with "- Đơn vị chủ trì: …", "c) Thời gian …".
            for (Section c : s.children()) {
                lines.add("- " + OutlineParser.title(c));
                lines.addAll(List.of(c.text().split("\n")));
            }
        }
        // "1. Tuyên truyền … Đơn vị chủ trì: Sở A": labels the repair joined to the heading, or written on it
        String title = OutlineParser.title(s);
        TaskLabels.Line onHeading = TaskLabels.line(title);
        if (!onHeading.labels().isEmpty() && !onHeading.before().isBlank()) {
            title = onHeading.before();
            for (TaskLabels.Labelled l : onHeading.labels()) {
                last = append(values, l);
            }
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            TaskLabels.Line read = TaskLabels.line(line);
            if (read.labels().isEmpty()) {
                if (last != null && (!line.strip().startsWith("-") || last == TaskLabels.Field.DESCRIPTION)) {
                    StringBuilder v = values.get(last);
                    v.append(v.isEmpty() ? "" : last == TaskLabels.Field.DESCRIPTION ? "\n" : " ").append(line.strip());
                } else if (last == null) {
                    description.add(line.strip());
                }
                continue;
            }
            // free text before the labels: the description, or the end of the value a wrap cut
            if (!read.before().isBlank()) {
                if (last == null) {
                    description.add(read.before());
                } else {
                    StringBuilder v = values.get(last);
                    v.append(v.isEmpty() ? "" : " ").append(read.before());
                }
            }
            for (TaskLabels.Labelled l : read.labels()) {
                last = append(values, l);
            }
        }
        if (!values.containsKey(TaskLabels.Field.LEAD) || value(values, TaskLabels.Field.LEAD).isEmpty()) {
            return null;
        }
        if (values.containsKey(TaskLabels.Field.DESCRIPTION)) {
            description.add(0, value(values, TaskLabels.Field.DESCRIPTION));
        }
        // As printed: "1.1" for a numbered task, "a" for a lettered one.
        Matcher numbered = NUMBERED.matcher(s.heading());
        String number = numbered.find() ? numbered.group(1) : s.path().substring(s.path().lastIndexOf('.') + 1);
        return new Task(planId, "t-" + slug(s.path()), s.path(), s.anchor(), number,
                parent == null ? null : OutlineParser.title(parent), title.replaceFirst("[:;\\s]+$", ""),
                description.isEmpty() ? null : String.join("\n", description),
                mentions.apply(value(values, TaskLabels.Field.LEAD)),
                mentions.apply(value(values, TaskLabels.Field.COORDINATE)),
                value(values, TaskLabels.Field.TIMELINE), value(values, TaskLabels.Field.RESULT));
    }

    private static TaskLabels.Field append(Map<TaskLabels.Field, StringBuilder> values, TaskLabels.Labelled l) {
        StringBuilder v = values.computeIfAbsent(l.field(), f -> new StringBuilder());
        v.append(v.isEmpty() ? "" : " ").append(l.value());
        return l.field();
    }

    /** True when the children of a section are the labelled parts of one task ("a) Nhiệm vụ: …"). */
    static boolean labelChildren(Section s) {
        if (s.children().isEmpty()) {
            return false;
        }
        int labelled = 0;
        for (Section c : s.children()) {
            if (TaskLabels.read("- " + OutlineParser.title(c)) != null) {
                labelled++;
            }
        }
        return labelled >= 1 && labelled * 2 >= s.children().size();
    }

    /** "III.2.đ" → "iii-2-dd": ids keep đ apart from d, as the curated sheets do ("t-iii-2-dd"). */
    static String slug(String path) {
        return Anchors.of(path.replace("đ", "dd").replace("Đ", "DD")).replaceFirst("^s-", "");
    }

    private static String value(Map<TaskLabels.Field, StringBuilder> values, TaskLabels.Field f) {
        StringBuilder b = values.get(f);
        return b == null ? null : b.toString().strip();
    }

    private List<AgencyMention> mentions(String written, String province) {
        return AgencySplitter.split(written).stream()
                .map(m -> new AgencyMention(m, agencies.resolve(m, province).map(Agency::id).orElse(null)))
                .toList();
    }
}
