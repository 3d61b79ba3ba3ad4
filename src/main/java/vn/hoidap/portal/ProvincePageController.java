package vn.hoidap.portal;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.views.ModelAndView;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.Province;
import vn.hoidap.corpus.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /tinh/{id}} (ids of corpus/provinces.yaml): a province's plans of every year, the 2025 merger explained,
 * and the key targets of its issued plans by year. A former province's page says where it went.
 */
@Controller("/tinh")
class ProvincePageController {

    record KeyTarget(String figure, String statement, String planLabel, String href) {
    }

    record TargetYear(int year, List<KeyTarget> targets) {
    }

    private final Knowledge knowledge;
    private final ProvinceIndex provinces;
    private final NameNotices notices;

    ProvincePageController(Knowledge knowledge, ProvinceIndex provinces, NameNotices notices) {
        this.knowledge = knowledge;
        this.provinces = provinces;
        this.notices = notices;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> index() {
        return PageModel.of("plans", "ke-hoach").crumbs(Crumb.here("Kế hoạch theo tỉnh"))
                .put("provinces", provinces.all()).view();
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> province(@PathVariable String id) {
        Province asked = knowledge.provinces().byId(id).orElse(null);
        if (asked == null) {
            return NotFound.page("Không tìm thấy tỉnh “" + id + "” trong các kế hoạch.",
                    new Crumb("Kế hoạch", "/ke-hoach"));
        }
        Province today = knowledge.provinces().today(asked);
        ProvinceIndex.ProvinceEntry entry = provinces.entry(asked);
        List<Plan> issued = knowledge.provinces().plansFor(asked, knowledge.plans()).all().stream()
                .filter(p -> !p.meta().isDraft()).toList();
        Map<Integer, List<KeyTarget>> byYear = new TreeMap<>();
        for (Plan p : issued) {
            for (Target t : p.targets()) {
                byYear.computeIfAbsent(t.year(), k -> new ArrayList<>()).add(new KeyTarget(t.figure(), t.statement(),
                        PlanLabels.withProvince(p.meta()), "/ke-hoach/" + p.id() + "#" + t.anchor()));
            }
        }
        List<TargetYear> targets = new ArrayList<>();
        byYear.forEach((y, list) -> targets.add(new TargetYear(y, List.copyOf(list))));
        List<Notice> merged = new ArrayList<>();
        notices.province(asked).ifPresent(merged::add);
        for (Province f : knowledge.provinces().mergedFrom(asked)) {
            notices.province(f).ifPresent(merged::add);
        }
        return PageModel.of("province", "ke-hoach")
                .crumbs(new Crumb("Kế hoạch", "/ke-hoach"), Crumb.here("Tỉnh " + asked.name()))
                .put("province", asked)
                .put("today", today.id().equals(asked.id()) ? null : today)
                .put("entry", entry)
                .put("mergers", merged)
                .put("targets", targets)
                .ok();
    }
}
