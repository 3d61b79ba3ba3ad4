package vn.hoidap.portal;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.PlanMetadata;
import vn.hoidap.corpus.Province;
import vn.hoidap.corpus.ProvinceDirectory;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The plans grouped by today's province (after the 2025 mergers): Gia Lai holds the Bình Định plan, Đồng Nai its
 * own and the Bình Phước plan, each with the 2022 name beside it. Issued plans come before drafts.
 */
@Singleton
final class ProvinceIndex {

    /** One plan in a list: {@code formerProvince} is the 2022 province when it is not today's. */
    record PlanEntry(String id, String label, String status, boolean draft, String province, String formerProvince,
                     String title, String href, int tasks) {
    }

    record ProvinceEntry(Province province, List<PlanEntry> plans, List<Province> mergedFrom) {
        public String href() {
            return "/tinh/" + province.id();
        }
    }

    private static final Comparator<String> VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi"))::compare;

    private final Knowledge knowledge;

    ProvinceIndex(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    List<ProvinceEntry> all() {
        ProvinceDirectory provinces = knowledge.provinces();
        Map<String, List<Plan>> byToday = new LinkedHashMap<>();
        for (Plan p : knowledge.plans()) {
            Optional<Province> own = provinces.resolve(p.meta().province());
            String todayId = own.map(pr -> provinces.today(pr).id()).orElse(null);
            if (todayId != null) {
                byToday.computeIfAbsent(todayId, k -> new ArrayList<>()).add(p);
            }
        }
        List<ProvinceEntry> out = new ArrayList<>();
        for (Map.Entry<String, List<Plan>> e : byToday.entrySet()) {
            Province today = provinces.byId(e.getKey()).orElseThrow();
            out.add(entry(today));
        }
        out.sort(Comparator.comparing((ProvinceEntry pe) -> pe.province().name(), VIETNAMESE));
        return out;
    }

    /** A province (today's or a former one, as asked) with the plans of today's province. */
    ProvinceEntry entry(Province today) {
        ProvinceDirectory.ProvincePlans pp = knowledge.provinces().plansFor(today, knowledge.plans());
        List<PlanEntry> plans = new ArrayList<>();
        pp.all().forEach(p -> plans.add(planEntry(p, today)));
        plans.sort(Comparator.comparing(PlanEntry::draft)
                .thenComparing(pe -> pe.formerProvince() != null)
                .thenComparing(PlanEntry::id));
        return new ProvinceEntry(today, List.copyOf(plans), knowledge.provinces().mergedFrom(today));
    }

    PlanEntry planEntry(Plan p, Province today) {
        PlanMetadata m = p.meta();
        String former = today != null && !sameName(m.province(), today.name()) ? m.province() : null;
        return new PlanEntry(p.id(), PlanLabels.label(m), PlanLabels.status(m), m.isDraft(), m.province(), former,
                m.title(), "/ke-hoach/" + p.id(), p.tasks().size());
    }

    /** Today's province of a plan (its own when unchanged). */
    Optional<Province> todayOf(Plan p) {
        return knowledge.provinces().resolve(p.meta().province()).map(knowledge.provinces()::today);
    }

    private boolean sameName(String a, String b) {
        return knowledge.provinces().resolve(a).map(x -> knowledge.provinces().resolve(b)
                .map(y -> y.id().equals(x.id())).orElse(false)).orElse(false);
    }
}
