package vn.hoidap.corpus;

import vn.hoidap.corpus.extract.ExtractionReport;
import vn.hoidap.text.restore.DiacriticRestorer;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The committed {@code corpus/} as loaded at start-up: the base every later generation of the knowledge is
 * composed from (uploaded plans and console FAQ versions go on top), and the pipeline that loaded it, so a
 * plan added at run time is read exactly as a committed one (same repair, restorer, extractor).
 */
public final class CommittedCorpus {

    private final List<Plan> plans;
    private final List<FaqEntry> faqs;
    private final AgencyDirectory agencies;
    private final ProvinceDirectory provinces;
    private final List<ExtractionReport> reports;
    private final long buildMillis;
    private final Supplier<DiacriticRestorer> restorer;
    private final boolean fromCache;
    private DiacriticRestorer trained;

    /**
     * @param restorer the restorer the OCR plans were read with, or how to train exactly that one when the
     *                 plans came from the derived-data cache (called on the first uploaded OCR plan)
     */
    CommittedCorpus(List<Plan> plans, List<FaqEntry> faqs, AgencyDirectory agencies, ProvinceDirectory provinces,
                    List<ExtractionReport> reports, long buildMillis, Supplier<DiacriticRestorer> restorer,
                    boolean fromCache) {
        this.plans = List.copyOf(plans);
        this.faqs = List.copyOf(faqs);
        this.agencies = agencies;
        this.provinces = provinces;
        this.reports = List.copyOf(reports);
        this.buildMillis = buildMillis;
        this.restorer = restorer;
        this.fromCache = fromCache;
    }

    /** Whether the plans were read from the derived-data cache rather than parsed from the files. */
    public boolean fromCache() {
        return fromCache;
    }

    public List<Plan> plans() {
        return plans;
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

    public List<ExtractionReport> reports() {
        return reports;
    }

    public long buildMillis() {
        return buildMillis;
    }

    /** The restorer the committed OCR plans were read with (trained now if the corpus has none). */
    public synchronized UnaryOperator<String> restorer() {
        if (trained == null) {
            trained = restorer.get();
        }
        DiacriticRestorer r = trained;
        return r::restore;
    }

    /**
     * Loads one plan written in the corpus layout ({@code <id>.yaml} + {@code <id>.txt}) through the
     * committed pipeline: what an uploaded plan becomes once reviewed.
     */
    public PlanLoader.Loaded load(Path yamlFile) {
        PlanLoader loader = new PlanLoader(agencies);
        boolean ocr = loader.textQuality(yamlFile) == TextQuality.OCR;
        return (ocr ? new PlanLoader(agencies, restorer()) : loader).loadMeasured(yamlFile);
    }
}
