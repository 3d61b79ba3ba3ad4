package vn.hoidap.portal;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.ReportingDeadline;
import vn.hoidap.corpus.Responsibility;
import vn.hoidap.corpus.Section;
import vn.hoidap.corpus.Target;
import vn.hoidap.corpus.Task;

import java.text.Collator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the model of {@code /ke-hoach/{id}}: metadata, today's names, contents, the filterable task table,
 * targets by year, reporting deadlines, duties by agency and the full text. Every element an answer can link
 * to keeps its anchor ({@code /ke-hoach/{id}#{anchor}}); an anchor is given to the first element that shows
 * it (the task row before the same section in the full text) so ids stay unique.
 */
@Singleton
final class PlanPage {

    record Option(String value, String label, boolean selected) {
    }

    record Filters(List<Option> agencies, List<Option> roles, List<Option> years, boolean active, int shown, int total) {
    }

    record TaskRow(String id, String label, String title, String description, List<AgencyRef> lead,
                   List<AgencyRef> coordinate, String timeline, String result) {
    }

    record TaskGroup(String name, List<TaskRow> rows) {
    }

    record TargetRow(String id, String label, String figure, String statement) {
    }

    record TargetYear(int year, List<TargetRow> targets) {
    }

    record DeadlineRow(String id, String label, List<AgencyRef> reporters, String what, AgencyRef recipient,
                       String when) {
    }

    record DutyRow(String id, String label, AgencyRef agency, List<String> duties) {
    }

    record OutlineNode(String id, String label, String heading, String text, int level, List<OutlineNode> children) {
        /** h3 for top-level sections of the full text, down to h6. */
        public int headingLevel() {
            return Math.min(6, 2 + level);
        }
    }

    record TocEntry(String href, String label, List<TocEntry> children) {
    }

    /** The task filters as asked: agency id, "chu-tri" / "phoi-hop", a year. */
    record Asked(String agency, String role, Integer year) {
        boolean active() {
            return agency != null || year != null;
        }
    }

    private static final Collator VI = Collator.getInstance(Locale.forLanguageTag("vi"));

    private final Knowledge knowledge;
    private final AgencyRefs refs;
    private final NameNotices notices;
    private final ProvinceIndex provinces;
    private final DraftComparison comparison;

    PlanPage(Knowledge knowledge, AgencyRefs refs, NameNotices notices, ProvinceIndex provinces,
             DraftComparison comparison) {
        this.knowledge = knowledge;
        this.refs = refs;
        this.notices = notices;
        this.provinces = provinces;
        this.comparison = comparison;
    }

    PageModel model(Plan plan, Asked asked, boolean original) {
        var m = plan.meta();
        String province = m.province();
        Set<String> used = new HashSet<>();
        PageModel page = PageModel.of("plan", "ke-hoach")
                .crumbs(new Crumb("Kế hoạch", "/ke-hoach"), Crumb.here(PlanLabels.withProvince(m)))
                .put("plan", plan)
                .put("meta", m)
                .put("label", PlanLabels.label(m))
                .put("fullLabel", PlanLabels.withProvince(m))
                .put("issueDate", VnDates.format(m.issueDate()))
                .put("status", PlanLabels.status(m))
                .put("ocr", m.textQuality() == vn.hoidap.corpus.TextQuality.OCR)
                .put("notices", notices.forPlan(plan))
                .put("original", original);
        Optional<vn.hoidap.corpus.Province> today = provinces.todayOf(plan);
        page.put("provinceHref", today.map(p -> "/tinh/" + p.id()).orElse(null));
        page.put("provinceToday", today.map(vn.hoidap.corpus.Province::name)
                .filter(n -> !n.equals(province)).orElse(null));
        page.put("issued", m.isDraft() ? knowledge.plan(m.draftOf()).map(p -> provinces.planEntry(p, null)).orElse(null) : null);
        page.put("drafts", knowledge.plans().stream().filter(p -> plan.id().equals(p.meta().draftOf()))
                .map(p -> provinces.planEntry(p, null)).toList());
        page.put("diff", m.isDraft() ? knowledge.plan(m.draftOf()).map(i -> comparison.compare(plan, i)).orElse(null) : null);

        // Tasks, filtered as asked.
        int from = year(m.issueDate()).orElse(2022);
        int to = planEnd(plan, from);
        Agency agency = asked.agency() == null ? null : knowledge.agencies().byId(asked.agency()).orElse(null);
        List<TaskGroup> groups = new ArrayList<>();
        Map<String, List<TaskRow>> byGroup = new LinkedHashMap<>();
        int shown = 0;
        for (Task t : plan.tasks()) {
            if (!matches(t, plan, agency, asked.role(), asked.year(), from, to)) {
                continue;
            }
            shown++;
            String group = t.group() == null || t.group().isBlank() ? "Nhiệm vụ" : t.group();
            byGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(new TaskRow(id(t.anchor(), used),
                    SectionLabels.label(t.section()), t.title(), t.description(), refs.of(t.lead(), province),
                    refs.of(t.coordinate(), province), t.timeline(), t.result()));
        }
        byGroup.forEach((name, rows) -> groups.add(new TaskGroup(name, List.copyOf(rows))));
        page.put("taskGroups", groups);
        page.put("filters", new Filters(agencyOptions(plan, asked.agency()), roleOptions(asked.role()),
                yearOptions(from, to, asked.year()), asked.active(), shown, plan.tasks().size()));

        // Targets by year.
        Map<Integer, List<TargetRow>> byYear = new TreeMap<>();
        for (Target t : plan.targets()) {
            byYear.computeIfAbsent(t.year(), k -> new ArrayList<>()).add(new TargetRow(id(t.anchor(), used),
                    SectionLabels.label(t.section()), t.figure(), t.statement()));
        }
        List<TargetYear> targets = new ArrayList<>();
        byYear.forEach((y, rows) -> targets.add(new TargetYear(y, List.copyOf(rows))));
        page.put("targets", targets);

        List<DeadlineRow> deadlines = new ArrayList<>();
        for (ReportingDeadline d : plan.deadlines()) {
            deadlines.add(new DeadlineRow(id(d.anchor(), used), SectionLabels.label(d.section()),
                    Deadlines.parties(d.reporter()).stream().map(r -> refs.of(r, null, province)).toList(), d.what(),
                    d.recipient() == null ? null : refs.of(d.recipient(), null, province), when(d)));
        }
        page.put("deadlines", deadlines);
        List<DutyRow> duties = new ArrayList<>();
        for (Responsibility r : plan.responsibilities()) {
            AgencyMention a = r.agency();
            duties.add(new DutyRow(id(r.anchor(), used), SectionLabels.label(r.section()),
                    refs.of(a.text(), a.agencyId(), province), r.duties()));
        }
        page.put("duties", duties);
        List<OutlineNode> outline = plan.outline().stream().map(s -> node(s, 1, used)).toList();
        page.put("outline", outline);
        page.put("toc", toc(plan, outline, targets, deadlines, duties));
        return page;
    }

    /** "trước ngày 20/11 hàng năm"; a date the plan states in words ("định kỳ hằng quý …") is shown as written. */
    static String when(ReportingDeadline d) {
        String date = d.date() == null ? "" : d.date().strip();
        String rec = d.recurrence() == null ? "" : d.recurrence().strip();
        if (date.matches("\\d{1,2}/\\d{1,2}(/\\d{4})?")) {
            return ("trước ngày " + date + " " + rec).strip();
        }
        return date.contains(rec) ? date : (date + (rec.isEmpty() ? "" : " (" + rec + ")")).strip();
    }

    private boolean matches(Task t, Plan plan, Agency agency, String role, Integer year, int from, int to) {
        if (year != null && !TaskYears.years(t.timeline(), from, to).contains(year)) {
            return false;
        }
        if (agency == null) {
            return true;
        }
        boolean lead = !"phoi-hop".equals(role) && names(t.lead(), plan, agency);
        boolean coordinate = !"chu-tri".equals(role) && names(t.coordinate(), plan, agency);
        return lead || coordinate;
    }

    private boolean names(List<AgencyMention> mentions, Plan plan, Agency agency) {
        for (AgencyMention m : mentions) {
            Optional<Agency> a = notices.resolve(m, plan);
            if (a.isPresent() && a.get().id().equals(agency.id())) {
                return true;
            }
        }
        return false;
    }

    private List<Option> agencyOptions(Plan plan, String selected) {
        Map<String, String> names = new TreeMap<>();
        Map<String, String> byId = new LinkedHashMap<>();
        for (Task t : plan.tasks()) {
            List<AgencyMention> all = new ArrayList<>(t.lead());
            all.addAll(t.coordinate());
            for (AgencyMention m : all) {
                notices.resolve(m, plan).ifPresent(a -> byId.putIfAbsent(a.id(), a.name()));
            }
        }
        List<Option> out = new ArrayList<>();
        byId.forEach((id, name) -> out.add(new Option(id, name, id.equals(selected))));
        out.sort((a, b) -> VI.compare(a.label(), b.label()));
        names.clear();
        return out;
    }

    private static List<Option> roleOptions(String selected) {
        return List.of(new Option("", "Chủ trì hoặc phối hợp", selected == null),
                new Option("chu-tri", "Chủ trì", "chu-tri".equals(selected)),
                new Option("phoi-hop", "Phối hợp", "phoi-hop".equals(selected)));
    }

    private static List<Option> yearOptions(int from, int to, Integer selected) {
        List<Option> out = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            out.add(new Option(String.valueOf(y), String.valueOf(y), Objects.equals(selected, y)));
        }
        return out;
    }

    private OutlineNode node(Section s, int level, Set<String> used) {
        String id = s.anchor() != null && used.add(s.anchor()) ? s.anchor()
                : s.anchor() == null ? null : "van-ban-" + s.anchor();
        if (id != null && id.startsWith("van-ban-") && !used.add(id)) {
            id = null;
        }
        return new OutlineNode(id, SectionLabels.label(s.path()), s.heading(), s.text(), level,
                s.children().stream().map(c -> node(c, level + 1, used)).toList());
    }

    private static List<TocEntry> toc(Plan plan, List<OutlineNode> outline, List<TargetYear> targets,
                                      List<DeadlineRow> deadlines, List<DutyRow> duties) {
        List<TocEntry> toc = new ArrayList<>();
        if (plan.meta().isDraft()) {
            toc.add(new TocEntry("#thay-doi", "Thay đổi trong bản ban hành", List.of()));
        }
        if (!plan.tasks().isEmpty()) {
            toc.add(new TocEntry("#nhiem-vu", "Nhiệm vụ (" + plan.tasks().size() + ")", List.of()));
        }
        if (!targets.isEmpty()) {
            toc.add(new TocEntry("#muc-tieu", "Mục tiêu theo năm", List.of()));
        }
        if (!deadlines.isEmpty()) {
            toc.add(new TocEntry("#bao-cao", "Thời hạn báo cáo", List.of()));
        }
        if (!duties.isEmpty()) {
            toc.add(new TocEntry("#trach-nhiem", "Trách nhiệm của các cơ quan", List.of()));
        }
        List<TocEntry> sections = new ArrayList<>();
        for (OutlineNode n : outline) {
            if (n.id() != null) {
                sections.add(new TocEntry("#" + n.id(), n.heading(), n.children().stream().filter(c -> c.id() != null)
                        .map(c -> new TocEntry("#" + c.id(), c.heading(), List.of())).toList()));
            }
        }
        toc.add(new TocEntry("#toan-van", "Toàn văn", sections));
        return toc;
    }

    /**
     * The last year a plan covers: the latest year its tasks, targets or title name ("đến năm 2025, định hướng
     * đến năm 2030"), so "Hàng năm" tasks count for every year of it.
     */
    static int planEnd(Plan plan, int from) {
        List<String> texts = new ArrayList<>(plan.tasks().stream().map(Task::timeline).toList());
        texts.add(plan.meta().title());
        plan.targets().forEach(t -> texts.add(String.valueOf(t.year())));
        return TaskYears.lastYear(texts, from);
    }

    private static String id(String anchor, Set<String> used) {
        return anchor != null && used.add(anchor) ? anchor : null;
    }

    private static Optional<Integer> year(String isoDate) {
        try {
            return Optional.of(LocalDate.parse(isoDate).getYear());
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
