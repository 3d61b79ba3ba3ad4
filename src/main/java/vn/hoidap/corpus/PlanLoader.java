package vn.hoidap.corpus;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads {@code corpus/plans/<id>.yaml} (metadata and the curated task sheet) with its {@code <id>.txt}
 * (the document as received). Anything missing or unreadable stops start-up with the file and field named.
 */
public final class PlanLoader {

    private final AgencyDirectory agencies;

    public PlanLoader(AgencyDirectory agencies) {
        this.agencies = agencies;
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
        List<Task> tasks = new ArrayList<>();
        for (YamlFields t : root.list("tasks")) {
            tasks.add(task(id, meta.province(), t));
        }
        List<Target> targets = new ArrayList<>();
        for (YamlFields t : root.list("targets")) {
            String section = t.optional("section");
            targets.add(new Target(id, t.requiredInt("year"), t.required("figure"), t.required("subject"),
                    t.required("statement"), section, Anchors.of(section)));
        }
        List<ReportingDeadline> deadlines = new ArrayList<>();
        for (YamlFields d : root.list("deadlines")) {
            String section = d.optional("section");
            deadlines.add(new ReportingDeadline(id, d.required("reporter"), d.required("recipient"), d.required("date"),
                    d.optional("recurrence"), d.required("what"), section, Anchors.of(section)));
        }
        List<Responsibility> responsibilities = new ArrayList<>();
        for (YamlFields r : root.list("responsibilities")) {
            String section = r.optional("section");
            String agency = r.required("agency");
            responsibilities.add(new Responsibility(id,
                    mention(agency, meta.province()),
                    section, Anchors.of(section), r.strings("duties")));
        }
        return new Plan(meta, original, original, List.of(), tasks, targets, deadlines, responsibilities);
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
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException | RuntimeException e) {
            throw new CorpusException(file + ": unreadable YAML: " + e.getMessage(), e);
        }
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
