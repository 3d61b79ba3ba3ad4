package vn.hoidap.corpus;

import vn.hoidap.corpus.extract.OutlineParser;
import vn.hoidap.corpus.extract.PlanExtraction;
import vn.hoidap.corpus.extract.PlanExtractor;
import vn.hoidap.text.RepairedText;
import vn.hoidap.text.TextRepair;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Reads {@code corpus/plans/<id>.yaml} (metadata and the curated task sheet) with its {@code <id>.txt}
 * (the document as received). Anything missing or unreadable stops start-up with the file and field named.
 * The text is repaired ({@link TextRepair}) and, for OCR documents, passed through the restorer; its outline
 * is parsed ({@link OutlineParser}); a plan without a curated sheet gets the extractor's tasks.
 */
public final class PlanLoader {

    private final AgencyDirectory agencies;
    private final UnaryOperator<String> ocrRestorer;
    private final PlanExtractor extractor;

    public PlanLoader(AgencyDirectory agencies) {
        this(agencies, UnaryOperator.identity());
    }

    /**
     * @param ocrRestorer turns repaired OCR text into the text people read; the single place where diacritic
     *                    restoration plugs in (e.g. {@code new PlanLoader(agencies, restorer::restore)} with
     *                    vn.hoidap.text.restore.DiacriticRestorer). Clean documents never pass through it.
     */
    public PlanLoader(AgencyDirectory agencies, UnaryOperator<String> ocrRestorer) {
        this.agencies = agencies;
        this.ocrRestorer = ocrRestorer;
        this.extractor = new PlanExtractor(agencies);
    }

    public List<Plan> loadAll(Path plansDir) {
        if (!Files.isDirectory(plansDir)) {
            throw new CorpusException("Corpus folder not found: " + plansDir.toAbsolutePath()
                    + " (set HOIDAP_CORPUS_DIR or run from the repository root)");
        }
        try (Stream<Path> files = Files.list(plansDir)) {
            List<Plan> plans = new ArrayList<>();
            for (Path yaml : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                plans.add(load(yaml));
            }
            return List.copyOf(plans);
        } catch (IOException e) {
            throw new CorpusException("Cannot list " + plansDir + ": " + e.getMessage(), e);
        }
    }

    public Plan load(Path yamlFile) {
        return loadMeasured(yamlFile).plan();
    }

    /**
     * A plan as served, with what the extractor found in it and what its curated sheet says ({@code null}
     * parts when the sheet does not curate them): the two sides of the extraction report.
     */
    public record Loaded(Plan plan, PlanExtraction extraction, List<Task> curatedTasks, List<Target> curatedTargets,
                         List<ReportingDeadline> curatedDeadlines, List<Responsibility> curatedResponsibilities) {
    }

    public Loaded loadMeasured(Path yamlFile) {
        String file = yamlFile.toString();
        YamlFields root = YamlFields.root(file, parseYaml(yamlFile));
        String id = root.required("id");
        String expected = yamlFile.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (!id.equals(expected)) {
            throw root.error("id", "is '" + id + "' but the file is named '" + expected + ".yaml'");
        }
        PlanMetadata meta = metadata(root, id);
        Path textFile = yamlFile.resolveSibling(id + ".txt");
        String original = readText(textFile);
        RepairedText repaired = TextRepair.repair(original);
        boolean ocr = meta.textQuality() == TextQuality.OCR;
        UnaryOperator<String> shown = ocr ? ocrRestorer : UnaryOperator.identity();
        String text = shown.apply(repaired.content());
        // Structure comes from the repaired text (its markers are what the parser knows); what people read in
        // each section comes from the displayed text, restored for OCR documents.
        List<Section> outline = OutlineParser.parse(repaired.content(), text);
        List<Section> structure = OutlineParser.parse(repaired.content());
        PlanExtraction found = extractor.extract(id, meta.province(), meta.title(), repaired.content(), structure);
        meta = withEndMatter(meta, repaired, found);
        List<Task> curated = curatedTasks(id, meta.province(), root);
        // The curated sheet is the verified truth; a plan nobody has curated yet is served what was extracted.
        List<Task> tasks = curated.isEmpty() ? titled(found.tasks(), outline, shown) : curated;
        List<Target> curatedTargets = root.has("targets") ? curatedTargets(id, root) : null;
        List<ReportingDeadline> curatedDeadlines = root.has("deadlines") ? curatedDeadlines(id, root) : null;
        List<Responsibility> curatedDuties = root.has("responsibilities") ? curatedResponsibilities(id, meta, root) : null;
        List<Target> targets = curatedTargets != null ? curatedTargets : found.targets().stream()
                .map(t -> new Target(t.planId(), t.year(), t.figure(), shown.apply(t.subject()), shown.apply(t.statement()),
                        t.section(), t.anchor())).toList();
        List<ReportingDeadline> deadlines = curatedDeadlines != null ? curatedDeadlines : found.deadlines();
        List<Responsibility> responsibilities = curatedDuties != null ? curatedDuties : found.responsibilities().stream()
                .map(r -> new Responsibility(r.planId(), r.agency(), r.section(), r.anchor(),
                        r.duties().stream().map(shown).toList())).toList();
        // A curated "targets: []" is a reading of the document: trust it together with what the extractor saw.
        boolean targetsPart = !targets.isEmpty() || found.targetsPartFound() && curatedTargets == null;
        Plan plan = new Plan(meta, original, text, outline, tasks, targets, deadlines, responsibilities, targetsPart);
        return new Loaded(plan, found, curated, curatedTargets, curatedDeadlines, curatedDuties);
    }

    /** Extracted tasks titled as the displayed outline shows them (restored for OCR text). */
    private static List<Task> titled(List<Task> tasks, List<Section> shown, UnaryOperator<String> restore) {
        java.util.Map<String, Section> byPath = new java.util.HashMap<>();
        OutlineParser.flatten(shown).forEach(s -> byPath.put(s.path(), s));
        return tasks.stream().map(t -> {
            Section s = byPath.get(t.section());
            boolean ownSection = s != null && !"-".equals(t.number()) && !t.section().startsWith("PL");
            String title = ownSection ? OutlineParser.title(s).replaceFirst("[:;\\s]+$", "") : restore.apply(t.title());
            return new Task(t.planId(), t.id(), t.section(), t.anchor(), t.number(), t.group(), title,
                    t.description() == null ? null : restore.apply(t.description()), t.lead(), t.coordinate(),
                    t.timeline(), t.result());
        }).toList();
    }

    private List<Target> curatedTargets(String id, YamlFields root) {
        List<Target> targets = new ArrayList<>();
        for (YamlFields t : root.list("targets")) {
            String section = t.optional("section");
            targets.add(new Target(id, t.requiredInt("year"), t.required("figure"), t.required("subject"),
                    t.required("statement"), section, Anchors.of(section)));
        }
        return targets;
    }

    private List<ReportingDeadline> curatedDeadlines(String id, YamlFields root) {
        List<ReportingDeadline> deadlines = new ArrayList<>();
        for (YamlFields d : root.list("deadlines")) {
            String section = d.optional("section");
            deadlines.add(new ReportingDeadline(id, d.required("reporter"), d.required("recipient"), d.required("date"),
                    d.optional("recurrence"), d.required("what"), section, Anchors.of(section)));
        }
        return deadlines;
    }

    private List<Responsibility> curatedResponsibilities(String id, PlanMetadata meta, YamlFields root) {
        List<Responsibility> responsibilities = new ArrayList<>();
        for (YamlFields r : root.list("responsibilities")) {
            String section = r.optional("section");
            responsibilities.add(new Responsibility(id, mention(r.required("agency"), meta.province()), section,
                    Anchors.of(section), r.strings("duties")));
        }
        return responsibilities;
    }

    /**
     * What the YAML leaves open (signer ~, no recipients) is taken from the document's own end matter, so a
     * plan added without curation still names its signer and "Nơi nhận". Curated values always win.
     */
    private PlanMetadata withEndMatter(PlanMetadata m, RepairedText repaired, PlanExtraction found) {
        boolean ocr = m.textQuality() == TextQuality.OCR;
        UnaryOperator<String> shown = ocr ? ocrRestorer : UnaryOperator.identity();
        String signer = m.signer() != null || repaired.signer() == null ? m.signer() : shown.apply(repaired.signer());
        PlanMetadata.PlanFacts f = m.facts();
        List<String> recipients = !f.recipients().isEmpty() ? f.recipients()
                : repaired.recipients().stream().map(shown).toList();
        List<String> legalBasis = !f.legalBasis().isEmpty() ? f.legalBasis() : found.legalBasis().stream().map(shown).toList();
        String funding = f.funding() != null || found.funding() == null ? f.funding() : shown.apply(found.funding());
        List<String> purpose = !f.purpose().isEmpty() ? f.purpose() : found.purpose().stream().map(shown).toList();
        List<String> requirements = !f.requirements().isEmpty() ? f.requirements()
                : found.requirements().stream().map(shown).toList();
        String number = m.number() != null ? m.number() : found.number();
        String issueDate = m.issueDate() != null ? m.issueDate() : found.issueDate();
        return new PlanMetadata(m.id(), m.province(), m.kind(), number, issueDate, m.issuer(), signer,
                m.signerTitle(), m.status(), m.title(), m.textQuality(), m.originalFile(), m.draftOf(),
                new PlanMetadata.PlanFacts(f.implementsDecision(), legalBasis, funding, purpose, requirements,
                        recipients));
    }

    /** The text quality a plan's YAML declares: decides whether it waits for the restorer. */
    public TextQuality textQuality(Path yamlFile) {
        YamlFields root = YamlFields.root(yamlFile.toString(), parseYaml(yamlFile));
        try {
            return TextQuality.parse(root.required("textQuality"));
        } catch (IllegalArgumentException e) {
            throw root.error("textQuality", e.getMessage());
        }
    }

    /**
     * A plan as its curated sheet and repaired text tell it, without outline or extraction: what the restorer
     * learns from an OCR plan before that plan is parsed.
     */
    public Plan curatedOnly(Path yamlFile) {
        YamlFields root = YamlFields.root(yamlFile.toString(), parseYaml(yamlFile));
        String id = root.required("id");
        PlanMetadata meta = metadata(root, id);
        String original = readText(yamlFile.resolveSibling(id + ".txt"));
        String repaired = TextRepair.repair(original).content();
        List<Target> targets = root.has("targets") ? curatedTargets(id, root) : List.of();
        List<ReportingDeadline> deadlines = root.has("deadlines") ? curatedDeadlines(id, root) : List.of();
        List<Responsibility> duties = root.has("responsibilities") ? curatedResponsibilities(id, meta, root) : List.of();
        return new Plan(meta, original, repaired, List.of(), curatedTasks(id, meta.province(), root), targets, deadlines,
                duties);
    }

    /** The curated task sheet of one plan's YAML (empty when none): the oracle the extractor is measured on. */
    public List<Task> curatedTasks(Path yamlFile) {
        YamlFields root = YamlFields.root(yamlFile.toString(), parseYaml(yamlFile));
        return curatedTasks(root.required("id"), root.required("province"), root);
    }

    private List<Task> curatedTasks(String id, String province, YamlFields root) {
        List<Task> tasks = new ArrayList<>();
        for (YamlFields t : root.list("tasks")) {
            tasks.add(task(id, province, t));
        }
        return tasks;
    }

    private PlanMetadata metadata(YamlFields root, String id) {
        PlanStatus status;
        TextQuality quality;
        try {
            status = PlanStatus.parse(root.required("status"));
        } catch (IllegalArgumentException e) {
            throw root.error("status", e.getMessage());
        }
        try {
            quality = TextQuality.parse(root.required("textQuality"));
        } catch (IllegalArgumentException e) {
            throw root.error("textQuality", e.getMessage());
        }
        String issueDate = root.nullable("issueDate");
        if (issueDate != null && !issueDate.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            throw root.error("issueDate", "must be an ISO date (2022-03-03, 2022-05 or 2022), not '" + issueDate + "'");
        }
        YamlFields f = root.child("facts");
        PlanMetadata.PlanFacts facts = new PlanMetadata.PlanFacts(f.optional("implementsDecision"),
                f.strings("legalBasis"), f.optional("funding"), f.strings("purpose"), f.strings("requirements"),
                f.strings("recipients"));
        return new PlanMetadata(id, root.required("province"), root.required("kind"), root.nullable("number"),
                issueDate, root.required("issuer"), root.nullable("signer"), root.optional("signerTitle"), status,
                root.required("title"), quality, root.required("originalFile"), root.optional("draftOf"), facts);
    }

    private Task task(String planId, String province, YamlFields t) {
        String section = t.required("section");
        return new Task(planId, t.required("id"), section, Anchors.of(section), t.optional("number"),
                t.optional("group"), t.required("title"), t.optional("description"),
                mentions(t.strings("lead"), province), mentions(t.strings("coordinate"), province), t.optional("timeline"),
                t.optional("result"));
    }

    /** Resolved within the plan's province: "Đài Phát thanh - Truyền hình tỉnh" is that province's station. */
    private List<AgencyMention> mentions(List<String> texts, String province) {
        return texts.stream().map(text -> mention(text, province)).toList();
    }

    private AgencyMention mention(String text, String province) {
        return new AgencyMention(text, agencies.resolve(text, province).map(Agency::id).orElse(null));
    }

    private static Object parseYaml(Path file) {
        return YamlFiles.read(file);
    }

    /** Strict UTF-8: a binary or mis-encoded file is reported, not silently turned into replacement characters. */
    static String readText(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CorpusException(file + ": the plan text is missing (each <id>.yaml needs its <id>.txt)");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new CorpusException(file + ": not a text file (contains NUL bytes)");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new CorpusException(file + ": not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new CorpusException(file + ": unreadable: " + e.getMessage(), e);
        }
    }
}
