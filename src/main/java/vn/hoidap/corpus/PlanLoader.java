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
    /** Each sheet and text read, bound and repaired once per build, however many passes look at it. */
    private final java.util.Map<Path, Source> sources;

    /** One plan's files as read: the bound sheet, the text as received and its repair. */
    private record Source(PlanSheet sheet, String original, RepairedText repaired, long modified, long size) {
    }

    public PlanLoader(AgencyDirectory agencies) {
        this(agencies, UnaryOperator.identity());
    }

    /**
     * @param ocrRestorer turns repaired OCR text into the text people read; the single place where diacritic
     *                    restoration plugs in (e.g. {@code new PlanLoader(agencies, restorer::restore)} with
     *                    vn.hoidap.text.restore.DiacriticRestorer). Clean documents never pass through it.
     */
    public PlanLoader(AgencyDirectory agencies, UnaryOperator<String> ocrRestorer) {
        this(agencies, ocrRestorer, new java.util.concurrent.ConcurrentHashMap<>());
    }

    private PlanLoader(AgencyDirectory agencies, UnaryOperator<String> ocrRestorer, java.util.Map<Path, Source> sources) {
        this.agencies = agencies;
        this.ocrRestorer = ocrRestorer;
        this.extractor = new PlanExtractor(agencies);
        this.sources = sources;
    }

    /**
     * The same loader with a restorer for OCR text, sharing what was already read: the sheets and texts
     * read to train the restorer are not read, bound and repaired again when the OCR plans are parsed.
     */
    public PlanLoader withRestorer(UnaryOperator<String> restorer) {
        return new PlanLoader(agencies, restorer, sources);
    }

    /** A file changed since it was read (an operator editing the corpus) is read again. */
    private Source source(Path yamlFile) {
        Path key = yamlFile.toAbsolutePath().normalize();
        long[] stamp = stamp(key);
        Source cached = sources.get(key);
        if (cached != null && cached.modified() == stamp[0] && cached.size() == stamp[1]) {
            return cached;
        }
        PlanSheet sheet = PlanSheet.read(yamlFile);
        String id = sheet.id().strip();
        String expected = yamlFile.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (!id.equals(expected)) {
            throw new CorpusException(yamlFile + ": field 'id' is '" + id + "' but the file is named '" + expected
                    + ".yaml'");
        }
        String original = readText(yamlFile.resolveSibling(id + ".txt"));
        Source fresh = new Source(sheet, original, TextRepair.repair(original), stamp[0], stamp[1]);
        sources.put(key, fresh);
        return fresh;
    }

    /** Modification time and size of a sheet and its text together. */
    private static long[] stamp(Path yamlFile) {
        try {
            long modified = Files.getLastModifiedTime(yamlFile).toMillis();
            long size = Files.size(yamlFile);
            String name = yamlFile.getFileName().toString().replaceFirst("\\.yaml$", ".txt");
            Path text = yamlFile.resolveSibling(name);
            if (Files.isRegularFile(text)) {
                modified = 31 * modified + Files.getLastModifiedTime(text).toMillis();
                size = 31 * size + Files.size(text);
            }
            return new long[] {modified, size};
        } catch (IOException e) {
            return new long[] {-1, -1}; // read below, which names the missing file
        }
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
                         List<ReportingDeadline> curatedDeadlines, List<Responsibility> curatedResponsibilities)
            implements java.io.Serializable {
    }

    public Loaded loadMeasured(Path yamlFile) {
        Source source = source(yamlFile);
        PlanSheet root = source.sheet();
        String id = root.id().strip();
        PlanMetadata meta = root.metadata();
        String original = source.original();
        RepairedText repaired = source.repaired();
        boolean ocr = meta.textQuality() == TextQuality.OCR;
        UnaryOperator<String> shown = ocr ? ocrRestorer : UnaryOperator.identity();
        String text = shown.apply(repaired.content());
        // Structure comes from the repaired text (its markers are what the parser knows); what people read in
        // each section comes from the displayed text, restored for OCR documents.
        List<Section> outline = OutlineParser.parse(repaired.content(), text);
        // The extractor reads the repaired text's own outline; for a clean plan that is the one just parsed.
        List<Section> structure = ocr ? OutlineParser.parse(repaired.content()) : outline;
        PlanExtraction found = extractor.extract(id, meta.province(), meta.title(), repaired.content(), structure);
        meta = withEndMatter(meta, repaired, found);
        List<Task> curated = curatedTasks(id, meta.province(), root);
        // The curated sheet is the verified truth; a plan nobody has curated yet is served what was extracted.
        List<Task> tasks = curated.isEmpty() ? titled(found.tasks(), outline, shown) : curated;
        List<Target> curatedTargets = root.targets() != null ? curatedTargets(id, root) : null;
        List<ReportingDeadline> curatedDeadlines = root.deadlines() != null ? curatedDeadlines(id, root) : null;
        List<Responsibility> curatedDuties = root.responsibilities() != null ? curatedResponsibilities(id, meta, root) : null;
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

    private List<Target> curatedTargets(String id, PlanSheet root) {
        List<Target> targets = new ArrayList<>();
        for (PlanSheet.TargetRow t : root.targets()) {
            String section = PlanSheet.blankToNull(t.section());
            targets.add(new Target(id, t.year(), t.figure().strip(), t.subject().strip(), t.statement().strip(), section,
                    Anchors.of(section)));
        }
        return targets;
    }

    private List<ReportingDeadline> curatedDeadlines(String id, PlanSheet root) {
        List<ReportingDeadline> deadlines = new ArrayList<>();
        for (PlanSheet.DeadlineRow d : root.deadlines()) {
            String section = PlanSheet.blankToNull(d.section());
            deadlines.add(new ReportingDeadline(id, d.reporter().strip(), d.recipient().strip(), d.date().strip(),
                    PlanSheet.blankToNull(d.recurrence()), d.what().strip(), section, Anchors.of(section)));
        }
        return deadlines;
    }

    private List<Responsibility> curatedResponsibilities(String id, PlanMetadata meta, PlanSheet root) {
        List<Responsibility> responsibilities = new ArrayList<>();
        for (PlanSheet.DutyRow r : root.responsibilities()) {
            String section = PlanSheet.blankToNull(r.section());
            responsibilities.add(new Responsibility(id, mention(r.agency().strip(), meta.province()), section,
                    Anchors.of(section), PlanSheet.clean(r.duties())));
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
        return source(yamlFile).sheet().metadata().textQuality();
    }

    /**
     * A plan as its curated sheet and repaired text tell it, without outline or extraction: what the restorer
     * learns from an OCR plan before that plan is parsed.
     */
    public Plan curatedOnly(Path yamlFile) {
        Source source = source(yamlFile);
        PlanSheet root = source.sheet();
        PlanMetadata meta = root.metadata();
        String id = meta.id();
        String original = source.original();
        String repaired = source.repaired().content();
        List<Target> targets = root.targets() != null ? curatedTargets(id, root) : List.of();
        List<ReportingDeadline> deadlines = root.deadlines() != null ? curatedDeadlines(id, root) : List.of();
        List<Responsibility> duties = root.responsibilities() != null ? curatedResponsibilities(id, meta, root) : List.of();
        return new Plan(meta, original, repaired, List.of(), curatedTasks(id, meta.province(), root), targets, deadlines,
                duties);
    }

    /** The curated task sheet of one plan's YAML (empty when none): the oracle the extractor is measured on. */
    public List<Task> curatedTasks(Path yamlFile) {
        PlanSheet root = PlanSheet.read(yamlFile);
        return curatedTasks(root.id().strip(), root.province().strip(), root);
    }

    private List<Task> curatedTasks(String id, String province, PlanSheet root) {
        List<Task> tasks = new ArrayList<>();
        if (root.tasks() != null) {
            for (PlanSheet.TaskRow t : root.tasks()) {
                String section = t.section().strip();
                tasks.add(new Task(id, t.id().strip(), section, Anchors.of(section), PlanSheet.blankToNull(t.number()),
                        PlanSheet.blankToNull(t.group()), t.title().strip(), PlanSheet.blankToNull(t.description()),
                        mentions(PlanSheet.clean(t.lead()), province), mentions(PlanSheet.clean(t.coordinate()), province),
                        PlanSheet.blankToNull(t.timeline()), PlanSheet.blankToNull(t.result())));
            }
        }
        return tasks;
    }

    /** Resolved within the plan's province: "Đài Phát thanh - Truyền hình tỉnh" is that province's station. */
    private List<AgencyMention> mentions(List<String> texts, String province) {
        return texts.stream().map(text -> mention(text, province)).toList();
    }

    private AgencyMention mention(String text, String province) {
        return new AgencyMention(text, agencies.resolve(text, province).map(Agency::id).orElse(null));
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
