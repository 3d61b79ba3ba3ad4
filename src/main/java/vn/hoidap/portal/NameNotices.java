package vn.hoidap.portal;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Province;
import vn.hoidap.corpus.ReportingDeadline;
import vn.hoidap.corpus.Responsibility;
import vn.hoidap.corpus.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 2025 reorganisation wherever a 2022 name appears: provinces merged into another (Bình Định → Gia Lai),
 * agencies whose role passed to another (Sở TT&TT → Sở KH&CN), the district level that ended. Everything comes
 * from the corpus (provinces.yaml, agencies.yaml with their dates and sources), nothing is written here.
 */
@Singleton
final class NameNotices {

    private final Knowledge knowledge;

    NameNotices(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    /** The province's merger, if it was merged into another one in 2025. */
    Optional<Notice> province(Province p) {
        if (p == null || p.mergedInto() == null) {
            return Optional.empty();
        }
        Province today = knowledge.provinces().today(p);
        return Optional.of(new Notice("tỉnh " + p.name(), "tỉnh " + today.name(),
                p.note() != null ? p.note() : "Nay thuộc tỉnh " + today.name() + ".",
                VnDates.format(p.effective()), p.source(), "/tinh/" + today.id()));
    }

    /** Who holds the agency's role today, if it changed. */
    Optional<Notice> agency(Agency a) {
        if (a == null || a.successor() == null) {
            return Optional.empty();
        }
        Agency.Succession s = a.successor();
        String todayName = s.agencyId() == null ? s.name()
                : knowledge.agencies().byId(s.agencyId()).map(Agency::name).orElse(s.name());
        String text = s.note() != null ? s.note() : "Nay là " + todayName + ".";
        String href = s.agencyId() == null ? null : "/co-quan/" + s.agencyId();
        return Optional.of(new Notice(a.name(), s.name() != null ? s.name() : todayName, text,
                VnDates.format(s.effective()), s.source(), href));
    }

    /** The agency a mention in {@code plan} names, in the plan's province. */
    Optional<Agency> resolve(AgencyMention m, Plan plan) {
        if (m.agencyId() != null) {
            Optional<Agency> byId = knowledge.agencies().byId(m.agencyId());
            if (byId.isPresent()) {
                return byId;
            }
        }
        return knowledge.agencies().resolve(m.text(), plan.meta().province());
    }

    /** Every notice a plan needs: its province, then each renamed agency it names, once. */
    List<Notice> forPlan(Plan plan) {
        List<Notice> notices = new ArrayList<>();
        knowledge.provinces().resolve(plan.meta().province()).flatMap(this::province).ifPresent(notices::add);
        Map<String, Notice> agencies = new LinkedHashMap<>();
        List<AgencyMention> mentions = new ArrayList<>();
        for (Task t : plan.tasks()) {
            mentions.addAll(t.lead());
            mentions.addAll(t.coordinate());
        }
        for (Responsibility r : plan.responsibilities()) {
            mentions.add(r.agency());
        }
        for (ReportingDeadline d : plan.deadlines()) {
            for (String part : Deadlines.parties(d.reporter())) {
                mentions.add(new AgencyMention(part, null));
            }
            mentions.add(new AgencyMention(d.recipient(), null));
        }
        for (AgencyMention m : mentions) {
            resolve(m, plan).ifPresent(a -> {
                Agency generic = genericOf(a);
                if (!agencies.containsKey(generic.id())) {
                    agency(generic).ifPresent(n -> agencies.put(generic.id(), n));
                }
            });
        }
        notices.addAll(agencies.values());
        return notices;
    }

    /** A province's member agency ("Đài PT-TH Bình Định") carries no succession of its own: use the generic one. */
    private Agency genericOf(Agency a) {
        if (a.successor() != null) {
            return a;
        }
        return knowledge.agencies().all().stream()
                .filter(g -> g.members().contains(a.id()) && g.successor() != null)
                .findFirst().orElse(a);
    }
}
