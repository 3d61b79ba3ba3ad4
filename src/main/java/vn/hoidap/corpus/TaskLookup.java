package vn.hoidap.corpus;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which tasks the plans give an agency, read with today's names: a query for Sở Khoa học và Công nghệ also
 * finds what the 2022 plans gave Sở Thông tin và Truyền thông (its predecessor), and a query for Đồng Nai also
 * covers the plan of Bình Phước (merged into it in 2025). Each match says how it was reached, so an answer
 * can quote the plan as written and then say who carries the role now.
 */
@Singleton
public final class TaskLookup {

    public enum Role { LEAD, COORDINATE }

    private final Knowledge knowledge;

    public TaskLookup(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    /**
     * Tasks of the plans of {@code province} (own and merged; every plan when null) that name {@code agency}
     * (or its predecessors; every task when null) in {@code role} (either when null). Issued plans first,
     * then the plans of merged provinces, drafts last; document order within a plan.
     */
    public List<TaskMatch> find(@Nullable Province province, @Nullable Agency agency, @Nullable Role role) {
        ProvinceDirectory provinces = knowledge.provinces();
        Map<Plan, Boolean> plans = new LinkedHashMap<>();
        if (province == null) {
            knowledge.plans().forEach(p -> plans.put(p, false));
        } else {
            ProvinceDirectory.ProvincePlans pp = provinces.plansFor(province, knowledge.plans());
            pp.own().forEach(p -> plans.put(p, false));
            pp.merged().forEach(p -> plans.put(p, true));
        }
        List<TaskMatch> matches = new ArrayList<>();
        for (Map.Entry<Plan, Boolean> e : plans.entrySet()) {
            Plan plan = e.getKey();
            PlanRefs ref = planRefs(plan, e.getValue(), province);
            for (Task task : plan.tasks()) {
                match(plan, task, agency, role).ifPresent(m -> matches.add(new TaskMatch(ref.planId, ref.displayName,
                        ref.status, ref.statusLabel, ref.draft, ref.province, ref.provinceToday, ref.provinceNote,
                        m.role == null ? null : m.role.name().toLowerCase(Locale.ROOT), m.asWritten,
                        m.agency == null ? null : m.agency.id(),
                        m.agency == null ? null : m.agency.name(), m.viaSuccession, m.succession, task,
                        Anchors.planUrl(plan.id(), task.anchor()))));
            }
        }
        List<Plan> order = plans.keySet().stream()
                .sorted(Comparator.comparing((Plan p) -> p.meta().isDraft())
                        .thenComparing(plans::get).thenComparing(Plan::id))
                .toList();
        return matches.stream().sorted(Comparator.comparingInt(
                (TaskMatch m) -> order.indexOf(knowledge.plan(m.planId()).orElseThrow()))).toList();
    }

    private Optional<Hit> match(Plan plan, Task task, @Nullable Agency agency, @Nullable Role role) {
        if (agency == null) {
            return role != null ? Optional.empty() : Optional.of(new Hit(null, null, null, false, null));
        }
        if (role != Role.COORDINATE) {
            Optional<Hit> lead = matchMentions(plan, task.lead(), agency, Role.LEAD);
            if (lead.isPresent()) {
                return lead;
            }
        }
        return role == Role.LEAD ? Optional.empty() : matchMentions(plan, task.coordinate(), agency, Role.COORDINATE);
    }

    private Optional<Hit> matchMentions(Plan plan, List<AgencyMention> mentions, Agency asked, Role role) {
        AgencyDirectory agencies = knowledge.agencies();
        String planProvince = plan.meta().province();
        Agency askedHere = agencies.localMember(asked, planProvince);
        List<Agency> predecessors = agencies.predecessorsOf(asked);
        for (AgencyMention m : mentions) {
            Optional<Agency> named = agencies.resolve(m.text(), planProvince);
            if (named.isEmpty()) {
                continue;
            }
            Agency a = named.get();
            boolean direct = a.id().equals(asked.id()) || a.id().equals(askedHere.id());
            boolean viaSuccession = !direct && predecessors.stream().anyMatch(p -> p.id().equals(a.id()));
            if (direct || viaSuccession) {
                return Optional.of(new Hit(role, m.text(), a, viaSuccession, SuccessionView.of(a, agencies)));
            }
        }
        return Optional.empty();
    }

    private PlanRefs planRefs(Plan plan, boolean merged, @Nullable Province asked) {
        PlanMetadata m = plan.meta();
        ProvinceDirectory provinces = knowledge.provinces();
        Optional<Province> own = provinces.resolve(m.province());
        String today = own.map(p -> provinces.today(p).name()).orElse(m.province());
        String note = null;
        if (own.isPresent() && own.get().mergedInto() != null) {
            note = "Kế hoạch của tỉnh " + m.province() + " (năm 2022); " + (own.get().note() != null
                    ? own.get().note() : "nay thuộc tỉnh " + today + ".");
        }
        return new PlanRefs(plan.id(), m.displayName(), m.status().name().toLowerCase(Locale.ROOT),
                PlanController.statusLabel(m), m.isDraft(), m.province(), today, note);
    }

    private record PlanRefs(String planId, String displayName, String status, String statusLabel, boolean draft,
                            String province, String provinceToday, String provinceNote) {
    }

    private record Hit(Role role, String asWritten, Agency agency, boolean viaSuccession, SuccessionView succession) {
    }

    /** Who holds the role of the agency the plan named, since when, on what authority. */
    @Serdeable
    public record SuccessionView(String fromId, String fromName, String toId, String toName, String effective,
                                 String note, String source) {
        static SuccessionView of(Agency named, AgencyDirectory agencies) {
            Agency.Succession s = named.successor();
            if (s == null) {
                return null;
            }
            String toName = s.agencyId() == null ? s.name()
                    : agencies.byId(s.agencyId()).map(Agency::name).orElse(s.name());
            return new SuccessionView(named.id(), named.name(), s.agencyId(), toName, s.effective(), s.note(),
                    s.source());
        }
    }

    /**
     * One task found. {@code agencyAsWritten} is the plan's wording; {@code viaSuccession} is true when the
     * plan named a predecessor of the agency asked about (then {@code succession} says who, since when).
     */
    @Serdeable
    public record TaskMatch(String planId, String planName, String planStatus, String statusLabel, boolean draft,
                            String province, String provinceToday, String provinceNote, String role,
                            String agencyAsWritten, String agencyId, String agencyName, boolean viaSuccession,
                            SuccessionView succession, Task task, String url) {
    }
}
