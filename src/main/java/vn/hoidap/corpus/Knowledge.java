package vn.hoidap.corpus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Everything the service knows, immutable once built: plans, FAQs, agencies, provinces. */
public final class Knowledge {

    private final List<Plan> plans;
    private final Map<String, Plan> plansById;
    private final List<FaqEntry> faqs;
    private final AgencyDirectory agencies;
    private final ProvinceDirectory provinces;
    private final long buildMillis;
    private final List<vn.hoidap.corpus.extract.ExtractionReport> extractionReports;

    public Knowledge(List<Plan> plans, List<FaqEntry> faqs, AgencyDirectory agencies, long buildMillis) {
        this(plans, faqs, agencies, ProvinceDirectory.empty(), buildMillis);
    }

    public Knowledge(List<Plan> plans, List<FaqEntry> faqs, AgencyDirectory agencies, ProvinceDirectory provinces,
                     long buildMillis) {
        this(plans, faqs, agencies, provinces, buildMillis, List.of());
    }

    /** @param extractionReports the extractor measured on every plan, built with the knowledge (never per request) */
    public Knowledge(List<Plan> plans, List<FaqEntry> faqs, AgencyDirectory agencies, ProvinceDirectory provinces,
                     long buildMillis, List<vn.hoidap.corpus.extract.ExtractionReport> extractionReports) {
        this.extractionReports = List.copyOf(extractionReports);
        this.provinces = provinces;
        this.plans = List.copyOf(plans);
        this.plansById = plans.stream().collect(Collectors.toUnmodifiableMap(Plan::id, Function.identity()));
        this.faqs = List.copyOf(faqs);
        this.agencies = agencies;
        this.buildMillis = buildMillis;
    }

    public List<Plan> plans() {
        return plans;
    }

    public Optional<Plan> plan(String id) {
        return Optional.ofNullable(id == null ? null : plansById.get(id));
    }

    public List<FaqEntry> faqs() {
        return faqs;
    }

    public AgencyDirectory agencies() {
        return agencies;
    }

    public ProvinceDirectory provinces() {
        return provinces;
    }

    public List<vn.hoidap.corpus.extract.ExtractionReport> extractionReports() {
        return extractionReports;
    }

    public long buildMillis() {
        return buildMillis;
    }
}
