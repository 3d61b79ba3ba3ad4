package vn.hoidap.corpus;

import vn.hoidap.corpus.extract.ExtractionReport;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Everything the service knows: plans, FAQs, agencies, provinces. A stable facade over an immutable
 * snapshot: the one bean every reader holds sees a whole snapshot swapped in at once ({@link #swap}) when a
 * plan is published or an FAQ edited, so none of the injection sites changes. What a reader derives from
 * the knowledge (indexes, profiles, the search index itself) is kept with the snapshot it was derived from
 * ({@link #derived}), so it is rebuilt exactly when the snapshot changes and never mixes two of them.
 * A candidate is tried on one thread ({@link #trial}) without any other reader seeing it.
 */
public final class Knowledge {

    private volatile Snapshot live;
    private final ThreadLocal<Snapshot> trial = new ThreadLocal<>();

    public Knowledge(List<Plan> plans, List<FaqEntry> faqs, AgencyDirectory agencies, long buildMillis) {
        this(plans, faqs, agencies, ProvinceDirectory.empty(), buildMillis);
    }

    public Knowledge(List<Plan> plans, List<FaqEntry> faqs, AgencyDirectory agencies, ProvinceDirectory provinces,
                     long buildMillis) {
        this(plans, faqs, agencies, provinces, buildMillis, List.of());
    }

    /** @param extractionReports the extractor measured on every plan, built with the knowledge (never per request) */
    public Knowledge(List<Plan> plans, List<FaqEntry> faqs, AgencyDirectory agencies, ProvinceDirectory provinces,
                     long buildMillis, List<ExtractionReport> extractionReports) {
        this.live = new Snapshot(plans, faqs, agencies, provinces, buildMillis, extractionReports);
    }

    private Knowledge(Snapshot fixed) {
        this.live = fixed;
    }

    /** The immutable content of one generation, with what readers derived from it. */
    private static final class Snapshot {
        final List<Plan> plans;
        final Map<String, Plan> plansById;
        final List<FaqEntry> faqs;
        final AgencyDirectory agencies;
        final ProvinceDirectory provinces;
        final long buildMillis;
        final List<ExtractionReport> reports;
        final Map<String, Object> derived = new ConcurrentHashMap<>();
        /** This snapshot alone, as a Knowledge that never swaps: what derivations are built from. */
        final Knowledge view;

        Snapshot(List<Plan> plans, List<FaqEntry> faqs, AgencyDirectory agencies, ProvinceDirectory provinces,
                 long buildMillis, List<ExtractionReport> reports) {
            this.plans = List.copyOf(plans);
            this.plansById = plans.stream().collect(Collectors.toUnmodifiableMap(Plan::id, Function.identity()));
            this.faqs = List.copyOf(faqs);
            this.agencies = agencies;
            this.provinces = provinces;
            this.buildMillis = buildMillis;
            this.reports = List.copyOf(reports);
            this.view = new Knowledge(this);
        }
    }

    private Snapshot now() {
        Snapshot t = trial.get();
        return t != null ? t : live;
    }

    public List<Plan> plans() {
        return now().plans;
    }

    public Optional<Plan> plan(String id) {
        return Optional.ofNullable(id == null ? null : now().plansById.get(id));
    }

    public List<FaqEntry> faqs() {
        return now().faqs;
    }

    public AgencyDirectory agencies() {
        return now().agencies;
    }

    public ProvinceDirectory provinces() {
        return now().provinces;
    }

    public List<ExtractionReport> extractionReports() {
        return now().reports;
    }

    public long buildMillis() {
        return now().buildMillis;
    }

    /**
     * A new generation beside this one (same agencies and provinces): nobody sees it until it is swapped in.
     */
    public Knowledge candidate(List<Plan> plans, List<FaqEntry> faqs, List<ExtractionReport> reports, long buildMillis) {
        Snapshot s = now();
        return new Snapshot(plans, faqs, s.agencies, s.provinces, buildMillis, reports).view;
    }

    /** The generation now read, fixed: it does not change when another one is swapped in. */
    public Knowledge current() {
        return now().view;
    }

    /** Makes {@code next}'s generation the one every reader sees, at once. */
    public void swap(Knowledge next) {
        live = next.now();
    }

    /**
     * Runs {@code work} on this thread with every read of this Knowledge going to {@code candidate}'s
     * generation (and what is derived from it); other threads keep reading the live one.
     */
    public <T> T trial(Knowledge candidate, Supplier<T> work) {
        Snapshot before = trial.get();
        trial.set(candidate.now());
        try {
            return work.get();
        } finally {
            if (before == null) {
                trial.remove();
            } else {
                trial.set(before);
            }
        }
    }

    /**
     * What a reader derives from the generation now read, built once per generation from that generation
     * alone and kept with it: it is rebuilt exactly when the knowledge changes.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(String key, Function<Knowledge, T> build) {
        Snapshot s = now();
        Object value = s.derived.get(key);
        if (value == null) {
            // built outside the map: a derivation may itself read other derived values of the same generation
            value = build.apply(s.view);
            Object raced = s.derived.putIfAbsent(key, value);
            value = raced != null ? raced : value;
        }
        return (T) value;
    }

    /** True when {@link #derived} has already built {@code key} for the generation now read. */
    public boolean hasDerived(String key) {
        return now().derived.containsKey(key);
    }

    /** Attaches a value built off to the side (a search index) to this generation, under {@code key}. */
    public void attach(String key, Object value) {
        now().derived.put(key, value);
    }
}
