package vn.hoidap.portal;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Province;
import vn.hoidap.corpus.TaskLookup;

import java.text.Collator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /co-quan}: the agencies the plans name; {@code /co-quan/{id}}: what one does, with whom, by when, across
 * all plans ({@code ?tinh=} narrows to one province); {@code /co-quan/{id}.ics}: its reporting deadlines.
 */
@Controller("/co-quan")
class AgencyPageController {

    private static final Collator VI = Collator.getInstance(Locale.forLanguageTag("vi"));

    record AgencyEntry(Agency agency, int tasks, String todayName) {
        public String href() {
            return "/co-quan/" + agency.id();
        }
    }

    record KindGroup(String name, List<AgencyEntry> agencies) {
    }

    private final Knowledge knowledge;
    private final TaskLookup lookup;
    private final AgencyPage page;
    private final NameNotices notices;
    private final String baseUrl;
    /** The calendar feeds' DTSTAMP: they change only with the corpus, which changes only with a restart. */
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    AgencyPageController(Knowledge knowledge, TaskLookup lookup, AgencyPage page, NameNotices notices,
                         @Value("${hoidap.telegram.portal-base-url:`http://localhost:8080`}") String baseUrl) {
        this.knowledge = knowledge;
        this.lookup = lookup;
        this.page = page;
        this.notices = notices;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> index() {
        Map<String, List<AgencyEntry>> byKind = new LinkedHashMap<>();
        for (String kind : List.of("sở", "UBND", "nhóm", "đài", "báo", "bộ")) {
            byKind.put(kind, new ArrayList<>());
        }
        for (Agency a : knowledge.agencies().all()) {
            int n = lookup.find(null, a, null).size();
            boolean successor = !knowledge.agencies().predecessorsOf(a).isEmpty();
            if (n == 0 && !successor) {
                continue;
            }
            String today = notices.agency(a).map(Notice::todayName).orElse(null);
            byKind.computeIfAbsent(a.kind(), k -> new ArrayList<>()).add(new AgencyEntry(a, n, today));
        }
        List<KindGroup> groups = new ArrayList<>();
        byKind.forEach((kind, list) -> {
            if (!list.isEmpty()) {
                list.sort((x, y) -> VI.compare(x.agency().name(), y.agency().name()));
                groups.add(new KindGroup(kindName(kind), List.copyOf(list)));
            }
        });
        return PageModel.of("agencies", "co-quan").crumbs(Crumb.here("Cơ quan")).put("groups", groups).view();
    }

    @Get(value = "/{id}", produces = {MediaType.TEXT_HTML, "text/calendar"})
    HttpResponse<?> agency(@PathVariable String id, @Nullable @QueryValue String tinh) {
        boolean calendar = id.endsWith(".ics");
        String agencyId = calendar ? id.substring(0, id.length() - 4) : id;
        Agency agency = knowledge.agencies().byId(agencyId).orElse(null);
        if (agency == null) {
            return NotFound.page("Không tìm thấy cơ quan “" + agencyId + "”.", new Crumb("Cơ quan", "/co-quan"));
        }
        Province province = tinh == null || tinh.isBlank() ? null : knowledge.provinces().byId(tinh.strip())
                .or(() -> knowledge.provinces().resolve(tinh)).orElse(null);
        if (calendar) {
            String ics = AgencyCalendar.of(agency, page.dues(agency, province), knowledge, baseUrl, started);
            return HttpResponse.ok(ics).contentType("text/calendar;charset=utf-8")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + agency.id() + ".ics\"");
        }
        return page.model(agency, province).ok();
    }

    private static String kindName(String kind) {
        return switch (kind) {
            case "sở" -> "Sở, ngành";
            case "UBND" -> "Ủy ban nhân dân";
            case "nhóm" -> "Nhóm cơ quan được giao chung";
            case "đài" -> "Đài phát thanh, truyền hình";
            case "báo" -> "Báo";
            case "bộ" -> "Bộ, cơ quan trung ương";
            default -> "Cơ quan khác";
        };
    }
}
