package vn.hoidap.corpus.extract;

import io.micronaut.serde.annotation.Serdeable;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Task;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How well automatic extraction agrees with a plan's curated task sheet. Tasks match by outline path, or
 * else by title similarity; agencies of matched tasks match by resolved id or folded name (OCR-tolerant);
 * timelines by their parsed meaning or folded text. With no curated sheet every figure is null.
 */
@Serdeable
public record ExtractionReport(String planId, String textQuality, int curated, int extracted, int matched,
                               Double taskPrecision, Double taskRecall, Score lead, Score coordinate,
                               Double timelineAgreement, Score outline, Score targets, Score deadlines,
                               Score responsibilities, int outlineSections, int outlineDepth,
                               boolean targetsPartFound, List<String> warnings) implements java.io.Serializable {

    public ExtractionReport {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    private static final Score NONE = new Score(0, 0, 0, null, null);

    /** The task comparison with every other part left unmeasured. */
    public ExtractionReport(String planId, String textQuality, int curated, int extracted, int matched,
                            Double taskPrecision, Double taskRecall, Score lead, Score coordinate,
                            Double timelineAgreement) {
        this(planId, textQuality, curated, extracted, matched, taskPrecision, taskRecall, lead, coordinate,
                timelineAgreement, NONE, NONE, NONE, NONE, 0, 0, false, List.of());
    }

    /** The whole comparison of one plan: tasks, outline, targets, deadlines and duties ({@code null} sheet parts are not curated). */
    public static ExtractionReport of(vn.hoidap.corpus.PlanLoader.Loaded loaded) {
        vn.hoidap.corpus.Plan p = loaded.plan();
        PlanExtraction x = loaded.extraction();
        ExtractionReport tasks = of(p.id(), p.meta().textQuality().name().toLowerCase(Locale.ROOT), loaded.curatedTasks(),
                x.tasks());
        java.util.Set<String> paths = new HashSet<>();
        OutlineParser.flatten(p.outline()).forEach(s -> paths.add(pathKey(s.path())));
        java.util.Set<String> curatedPaths = new java.util.LinkedHashSet<>();
        loaded.curatedTasks().forEach(t -> curatedPaths.add(t.section()));
        if (loaded.curatedTargets() != null) {
            loaded.curatedTargets().forEach(t -> curatedPaths.add(t.section()));
        }
        if (loaded.curatedResponsibilities() != null) {
            loaded.curatedResponsibilities().forEach(r -> curatedPaths.add(r.section()));
        }
        curatedPaths.remove(null);
        int found = (int) curatedPaths.stream().filter(c -> paths.contains(pathKey(c))).count();
        Score outline = new Score(curatedPaths.size(), paths.size(), found, null, share(found, curatedPaths.size(), false));
        Score targets = loaded.curatedTargets() == null ? NONE : score(loaded.curatedTargets(), x.targets(),
                (c, e) -> (c.year() == e.year() || e.year() == 0) && Similarity.dice(c.statement(), e.statement()) >= 0.5);
        Score deadlines = loaded.curatedDeadlines() == null ? NONE : score(loaded.curatedDeadlines(), x.deadlines(),
                (c, e) -> dateKey(c.date()).equals(dateKey(e.date())));
        Score duties = loaded.curatedResponsibilities() == null ? NONE : score(loaded.curatedResponsibilities(),
                x.responsibilities(), (c, e) -> sameAgency(c.agency(), e.agency()));
        return new ExtractionReport(tasks.planId(), tasks.textQuality(), tasks.curated(), tasks.extracted(),
                tasks.matched(), tasks.taskPrecision(), tasks.taskRecall(), tasks.lead(), tasks.coordinate(),
                tasks.timelineAgreement(), outline, targets, deadlines, duties, x.outlineSections(), x.outlineDepth(),
                x.targetsPartFound(), x.warnings());
    }

    private static <T> Score score(List<T> curated, List<T> extracted, java.util.function.BiPredicate<T, T> same) {
        Set<Integer> used = new HashSet<>();
        int matched = 0;
        for (T c : curated) {
            for (int i = 0; i < extracted.size(); i++) {
                if (!used.contains(i) && same.test(c, extracted.get(i))) {
                    used.add(i);
                    matched++;
                    break;
                }
            }
        }
        return new Score(curated.size(), extracted.size(), matched, share(matched, extracted.size(), curated.isEmpty()),
                share(matched, curated.size(), false));
    }

    private static final java.util.regex.Pattern DAY_MONTH = java.util.regex.Pattern.compile(
            "(\\d{1,2})\\s*(?:/|tháng)\\s*(\\d{1,2})");
    private static final java.util.regex.Pattern DAY = java.util.regex.Pattern.compile("^(?:ngày\\s*)?(\\d{1,2})\\b");

    /**
     * What a deadline's date means: "01/6", "1/06" and "1 tháng 6" are one date; "20" (day of the month) is
     * another; a date the document does not give is its kind: every six months, quarter, year, month, an
     * unstated period, or an event ("khi có khó khăn, vướng mắc", "khi cần sửa đổi, bổ sung"). The curated
     * wording around it ("(văn bản không nêu ngày cụ thể)", "sau khi nhận báo cáo") does not count.
     */
    static String dateKey(String date) {
        if (date == null) {
            return "";
        }
        java.util.regex.Matcher m = DAY_MONTH.matcher(date);
        if (m.find()) {
            return Integer.parseInt(m.group(1)) + "/" + Integer.parseInt(m.group(2));
        }
        java.util.regex.Matcher d = DAY.matcher(date.strip());
        if (d.find()) {
            return String.valueOf(Integer.parseInt(d.group(1)));
        }
        String f = vn.hoidap.text.Fold.fold(date);
        if (f.contains("sua doi") || f.contains("bo sung") || f.contains("dieu chinh")) {
            return "event:amend";
        }
        if (f.contains("kho khan") || f.contains("vuong mac") || f.contains("phat sinh")) {
            return "event:problem";
        }
        if (f.matches(".*\\b0?6 th[a-z]{1,2}ng.*")) {
            return "every:6 months";
        }
        // OCR forms too: "hang nim", "Pinh ky hang quy"
        for (String[] period : new String[][] {{"quy", "qu[yv]"}, {"nam", "n[a-z]{1,2}m"}, {"thang", "th[a-z]{1,2}ng"},
                {"tuan", "tu[a-z]{1,2}n"}}) {
            if (f.matches(".*\\bh[a-z]{1,2}ng " + period[1] + "\\b.*")) {
                return "every:" + period[0];
            }
        }
        if (f.matches("^[dp]inh k[yv]\\b.*")) {
            return "every:unstated";
        }
        return Similarity.key(date);
    }

    /** Agreement on one kind of agency mention, summed over matched tasks. */
    @Serdeable
    public record Score(int curated, int extracted, int matched, Double precision, Double recall) implements java.io.Serializable {
    }

    private static final double TITLE_MATCH = 0.5;
    private static final double AGENCY_MATCH = 0.75;

    public static ExtractionReport of(String planId, String textQuality, List<Task> curated, List<Task> extracted) {
        List<Task[]> pairs = pair(curated, extracted);
        int leadC = 0;
        int leadE = 0;
        int leadM = 0;
        int coC = 0;
        int coE = 0;
        int coM = 0;
        int timelines = 0;
        int timelinesAgree = 0;
        for (Task[] p : pairs) {
            leadC += p[0].lead().size();
            leadE += p[1].lead().size();
            leadM += matchedMentions(p[0].lead(), p[1].lead());
            coC += p[0].coordinate().size();
            coE += p[1].coordinate().size();
            coM += matchedMentions(p[0].coordinate(), p[1].coordinate());
            if (p[0].timeline() != null) {
                timelines++;
                if (sameTimeline(p[0].timeline(), p[1].timeline())) {
                    timelinesAgree++;
                }
            }
        }
        return new ExtractionReport(planId, textQuality, curated.size(), extracted.size(), pairs.size(),
                share(pairs.size(), extracted.size(), curated.isEmpty()), share(pairs.size(), curated.size(), false),
                new Score(leadC, leadE, leadM, share(leadM, leadE, curated.isEmpty()), share(leadM, leadC, false)),
                new Score(coC, coE, coM, share(coM, coE, curated.isEmpty()), share(coM, coC, false)),
                share(timelinesAgree, timelines, false));
    }

    static Double share(int part, int whole, boolean undefined) {
        return undefined || whole == 0 ? null : (double) part / whole;
    }

    /** Curated ↔ extracted pairs: same path first, then the most similar unmatched title. */
    static List<Task[]> pair(List<Task> curated, List<Task> extracted) {
        List<Task[]> pairs = new ArrayList<>();
        Set<Task> used = new HashSet<>();
        List<Task> rest = new ArrayList<>();
        for (Task c : curated) {
            Task same = extracted.stream().filter(e -> !used.contains(e) && samePath(c.section(), e.section()))
                    .findFirst().orElse(null);
            if (same != null) {
                used.add(same);
                pairs.add(new Task[] {c, same});
            } else {
                rest.add(c);
            }
        }
        for (Task c : rest) {
            Task best = null;
            double bestScore = TITLE_MATCH;
            for (Task e : extracted) {
                double s = used.contains(e) ? 0 : Similarity.dice(c.title(), e.title());
                if (s >= bestScore) {
                    best = e;
                    bestScore = s;
                }
            }
            if (best != null) {
                used.add(best);
                pairs.add(new Task[] {c, best});
            }
        }
        return pairs;
    }

    private static boolean samePath(String a, String b) {
        return a != null && b != null && pathKey(a).equals(pathKey(b));
    }

    /** "III.2.đ" and "iii.2.Đ" are one path; "III.2.d" is another. */
    static String pathKey(String path) {
        return path.strip().toLowerCase(Locale.ROOT).replace("đ", "dd");
    }

    static int matchedMentions(List<AgencyMention> curated, List<AgencyMention> extracted) {
        Set<AgencyMention> used = new HashSet<>();
        int n = 0;
        for (AgencyMention c : curated) {
            for (AgencyMention e : extracted) {
                if (!used.contains(e) && sameAgency(c, e)) {
                    used.add(e);
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    static boolean sameAgency(AgencyMention a, AgencyMention b) {
        if (a.agencyId() != null && b.agencyId() != null) {
            return a.agencyId().equals(b.agencyId());
        }
        String ka = AgencyPatterns.key(a.text());
        String kb = AgencyPatterns.key(b.text());
        if (ka != null && kb != null) {
            return ka.equals(kb); // "Sở TT&TT" and "S6 Thong tin va Truyén thong" are one body
        }
        return Similarity.ratio(a.text(), b.text()) >= AGENCY_MATCH;
    }

    static boolean sameTimeline(String curated, String extracted) {
        if (extracted == null) {
            return false;
        }
        Timeline a = TimelineParser.parse(curated);
        Timeline b = TimelineParser.parse(extracted);
        boolean sameMeaning = Objects.equals(a.fromYear(), b.fromYear()) && Objects.equals(a.toYear(), b.toYear())
                && a.annual() == b.annual() && Objects.equals(a.quarter(), b.quarter())
                && (a.condition() == null) == (b.condition() == null);
        return sameMeaning || Similarity.ratio(curated, extracted) >= 0.8;
    }

    /** The report as a fixed-width table, one plan per row. */
    public static String table(List<ExtractionReport> reports) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "%-20s %-5s %4s %4s %4s | %-9s | %-9s | %-9s | %5s | %-9s | %-9s | %-9s | %-9s | %s%n", "plan", "text",
                "cur", "ext", "mat", "task P/R", "lead P/R", "coord P/R", "time", "outline R", "target P/R",
                "deadl P/R", "duty P/R", "warnings"));
        for (ExtractionReport r : reports) {
            b.append(String.format(Locale.ROOT,
                    "%-20s %-5s %4d %4d %4d | %-9s | %-9s | %-9s | %5s | %-9s | %-9s | %-9s | %-9s | %s%n",
                    r.planId(), r.textQuality(), r.curated(), r.extracted(), r.matched(),
                    pct(r.taskPrecision()) + "/" + pct(r.taskRecall()),
                    pct(r.lead().precision()) + "/" + pct(r.lead().recall()),
                    pct(r.coordinate().precision()) + "/" + pct(r.coordinate().recall()),
                    pct(r.timelineAgreement()), pct(r.outline().recall()),
                    pct(r.targets().precision()) + "/" + pct(r.targets().recall()),
                    pct(r.deadlines().precision()) + "/" + pct(r.deadlines().recall()),
                    pct(r.responsibilities().precision()) + "/" + pct(r.responsibilities().recall()),
                    String.join(" ", r.warnings())));
        }
        return b.toString();
    }

    private static String pct(Double d) {
        return d == null ? "–" : String.format(Locale.ROOT, "%.0f%%", d * 100);
    }
}
