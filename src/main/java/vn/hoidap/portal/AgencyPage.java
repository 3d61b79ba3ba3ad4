package vn.hoidap.portal;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Province;
import vn.hoidap.corpus.ReportingDeadline;
import vn.hoidap.corpus.Responsibility;
import vn.hoidap.corpus.TaskLookup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an agency does across all plans: the tasks it leads or coordinates (also those the plans gave its 2022
 * predecessor), grouped by plan, with whom and by when; what the plans give every department at once; its duties;
 * its reporting deadlines (also offered as an iCalendar feed).
 */
@Singleton
final class AgencyPage {

    record TaskRow(String id, String label, String title, String role, List<AgencyRef> with, String timeline,
                   String result, String asWritten, String href) {
    }

    record PlanTasks(String planId, String planLabel, String province, String formerNote, boolean draft,
                     List<TaskRow> rows) {
        public String href() {
            return "/ke-hoach/" + planId;
        }
    }

    /** A reporting deadline the agency must meet ({@code via}: the group through which the plan asks it). */
    record Due(String planId, String planLabel, String province, String what, String recipient, String date,
               String recurrence, String when, String via, String href, int index) {
    }

    record Duty(String planLabel, String asWritten, List<String> duties, String href) {
    }

    private final Knowledge knowledge;
    private final TaskLookup lookup;
    private final AgencyRefs refs;
    private final NameNotices notices;
    private final PortalConfig config;

    AgencyPage(Knowledge knowledge, TaskLookup lookup, AgencyRefs refs, NameNotices notices, PortalConfig config) {
        this.knowledge = knowledge;
        this.lookup = lookup;
        this.refs = refs;
        this.notices = notices;
        this.config = config;
    }

    PageModel model(Agency agency, Province province) {
        List<PlanTasks> own = tasks(agency, province);
        List<PlanTasks> shared = new ArrayList<>();
        for (Agency g : groupsOf(agency)) {
            shared.addAll(tasks(g, province));
        }
        List<Agency> predecessors = knowledge.agencies().predecessorsOf(agency);
        String title = agency.name() + (province != null ? " — tỉnh " + province.name() : "");
        return PageModel.of("agency", "co-quan")
                .crumbs(new Crumb("Cơ quan", "/co-quan"), Crumb.here(agency.name()))
                .put("agency", agency)
                .put("title", title)
                .put("province", province)
                .put("provinces", provincesWithPlans())
                .put("successor", notices.agency(agency).orElse(null))
                .put("predecessors", predecessors.stream().map(p -> notices.agency(p).orElse(null))
                        .filter(n -> n != null).toList())
                .put("groups", groupsOf(agency))
                .put("own", own)
                .put("ownCount", own.stream().mapToInt(p -> p.rows().size()).sum())
                .put("shared", shared)
                .put("duties", duties(agency, province))
                .put("dues", dues(agency, province))
                .put("icsHref", "/co-quan/" + agency.id() + ".ics" + (province == null ? "" : "?tinh=" + province.id()));
    }

    /** The groups a plan uses for every department, when this agency is a department ("sở"). */
    List<Agency> groupsOf(Agency agency) {
        if (!"sở".equals(agency.kind())) {
            return List.of();
        }
        return config.departmentGroups().stream().flatMap(id -> knowledge.agencies().byId(id).stream()).toList();
    }

    private List<PlanTasks> tasks(Agency agency, Province province) {
        Map<String, List<TaskRow>> byPlan = new LinkedHashMap<>();
        Map<String, TaskLookup.TaskMatch> first = new LinkedHashMap<>();
        for (TaskLookup.TaskMatch m : lookup.find(province, agency, null)) {
            first.putIfAbsent(m.planId(), m);
            String planProvince = m.province();
            List<AgencyMention> others = new ArrayList<>(m.task().lead());
            others.addAll(m.task().coordinate());
            List<AgencyRef> with = others.stream()
                    .filter(o -> !o.text().equals(m.agencyAsWritten()))
                    .map(o -> refs.of(o.text(), o.agencyId(), planProvince)).toList();
            String role = "lead".equals(m.role()) ? "Chủ trì" : "Phối hợp";
            byPlan.computeIfAbsent(m.planId(), k -> new ArrayList<>()).add(new TaskRow(m.task().anchor(),
                    SectionLabels.label(m.task().section()), m.task().title(), role, with, m.task().timeline(),
                    m.task().result(), m.viaSuccession() || !m.agencyAsWritten().equals(agency.name())
                            ? m.agencyAsWritten() : null, m.url()));
        }
        List<PlanTasks> out = new ArrayList<>();
        byPlan.forEach((planId, rows) -> {
            TaskLookup.TaskMatch m = first.get(planId);
            Plan p = knowledge.plan(planId).orElseThrow();
            out.add(new PlanTasks(planId, PlanLabels.withProvince(p.meta()), m.province(), m.provinceNote(), m.draft(),
                    List.copyOf(rows)));
        });
        return out;
    }

    private List<Duty> duties(Agency agency, Province province) {
        Set<String> ids = family(agency);
        List<Duty> out = new ArrayList<>();
        for (Plan p : plansOf(province)) {
            for (Responsibility r : p.responsibilities()) {
                Optional<Agency> a = notices.resolve(r.agency(), p);
                if (a.isPresent() && ids.contains(a.get().id())) {
                    out.add(new Duty(PlanLabels.withProvince(p.meta()), r.agency().text(), r.duties(),
                            "/ke-hoach/" + p.id() + "#" + r.anchor()));
                }
            }
        }
        return out;
    }

    /** Reporting deadlines of the agency, its predecessors and (for a department) the department groups. */
    List<Due> dues(Agency agency, Province province) {
        Set<String> direct = family(agency);
        Map<String, Agency> groups = groupsOf(agency).stream().collect(Collectors.toMap(Agency::id, g -> g));
        List<Due> out = new ArrayList<>();
        for (Plan p : plansOf(province)) {
            List<ReportingDeadline> ds = p.deadlines();
            for (int i = 0; i < ds.size(); i++) {
                ReportingDeadline d = ds.get(i);
                String via = null;
                boolean hit = false;
                for (String party : Deadlines.parties(d.reporter())) {
                    Optional<Agency> a = knowledge.agencies().resolve(party, p.meta().province());
                    if (a.isEmpty()) {
                        continue;
                    }
                    if (direct.contains(a.get().id())) {
                        hit = true;
                        via = party.equals(agency.name()) ? null : party;
                        break;
                    }
                    if (groups.containsKey(a.get().id())) {
                        hit = true;
                        via = party;
                    }
                }
                if (hit) {
                    out.add(new Due(p.id(), PlanLabels.withProvince(p.meta()), p.meta().province(), d.what(),
                            d.recipient(), d.date(), d.recurrence(), PlanPage.when(d), via,
                            "/ke-hoach/" + p.id() + "#" + d.anchor(), i));
                }
            }
        }
        return out;
    }

    /** The agency, its province members (its station in each province) and the 2022 bodies it succeeds. */
    private Set<String> family(Agency agency) {
        Set<String> ids = new java.util.HashSet<>();
        ids.add(agency.id());
        ids.addAll(agency.members());
        for (Agency p : knowledge.agencies().predecessorsOf(agency)) {
            ids.add(p.id());
            ids.addAll(p.members());
        }
        return ids;
    }

    private List<Plan> plansOf(Province province) {
        if (province == null) {
            return knowledge.plans();
        }
        return knowledge.provinces().plansFor(province, knowledge.plans()).all();
    }

    private List<Province> provincesWithPlans() {
        return knowledge.plans().stream()
                .flatMap(p -> knowledge.provinces().resolve(p.meta().province()).stream())
                .map(knowledge.provinces()::today).distinct()
                .sorted(java.util.Comparator.comparing(Province::name)).toList();
    }
}
