package vn.hoidap.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A draft in the corpus layout: {@code <id>.yaml} (the schema of corpus/README.md) + {@code <id>.txt} (the
 * text as taken from the file). The same files are what the pipeline loads and what an export hands over
 * to be committed, so a plan reads the same uploaded and committed.
 */
final class SheetFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    static final ObjectMapper JSON = new ObjectMapper();

    private SheetFiles() {
    }

    /**
     * @param withRows false for a first reading (metadata only: the extractor fills the rest); true for a
     *                 reviewed draft, whose rows are the plan's curated sheet
     */
    static String yaml(PlanDraft d, String originalFile, boolean withRows) {
        PlanDraft.Meta m = d.meta();
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("id", m.id());
        y.put("province", or(m.province(), "Chưa rõ"));
        y.put("kind", or(m.kind(), "Kế hoạch"));
        y.put("number", blank(m.number()));
        y.put("issueDate", blank(m.issueDate()));
        y.put("issuer", or(m.issuer(), "Ủy ban nhân dân tỉnh " + or(m.province(), "")));
        y.put("signer", blank(m.signer()));
        if (blank(m.signerTitle()) != null) {
            y.put("signerTitle", m.signerTitle());
        }
        y.put("status", or(m.status(), "issued"));
        y.put("title", or(m.title(), m.id()));
        y.put("textQuality", or(m.textQuality(), "clean"));
        y.put("originalFile", originalFile);
        if (withRows) {
            List<Map<String, Object>> tasks = new ArrayList<>();
            int i = 0;
            for (PlanDraft.TaskRow t : d.tasks()) {
                i++;
                if (blank(t.title()) == null) {
                    continue;
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", or(t.id(), m.id() + "-" + i));
                r.put("section", or(t.section(), "-"));
                r.put("number", blank(t.number()));
                r.put("title", t.title().strip());
                r.put("lead", clean(t.lead()));
                r.put("coordinate", clean(t.coordinate()));
                r.put("timeline", blank(t.timeline()));
                r.put("result", blank(t.result()));
                tasks.add(r);
            }
            y.put("tasks", tasks);
            List<Map<String, Object>> targets = new ArrayList<>();
            for (PlanDraft.TargetRow t : d.targets()) {
                if (t.year() == null || blank(t.figure()) == null || blank(t.statement()) == null) {
                    continue;
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("year", t.year());
                r.put("figure", t.figure().strip());
                r.put("subject", or(t.subject(), t.statement()));
                r.put("statement", t.statement().strip());
                r.put("section", blank(t.section()));
                targets.add(r);
            }
            y.put("targets", targets);
            List<Map<String, Object>> deadlines = new ArrayList<>();
            for (PlanDraft.DeadlineRow dl : d.deadlines()) {
                if (blank(dl.reporter()) == null || blank(dl.date()) == null || blank(dl.what()) == null) {
                    continue;
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("reporter", dl.reporter().strip());
                r.put("recipient", or(dl.recipient(), "Ủy ban nhân dân tỉnh"));
                r.put("date", dl.date().strip());
                r.put("recurrence", blank(dl.recurrence()));
                r.put("what", dl.what().strip());
                r.put("section", blank(dl.section()));
                deadlines.add(r);
            }
            y.put("deadlines", deadlines);
        }
        try {
            return "# Uploaded in the console and reviewed there; exported to be committed.\n" + YAML.writeValueAsString(y);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code <id>.yaml} and {@code <id>.txt} into {@code dir}; returns the YAML's path. */
    static Path write(Path dir, String id, String yaml, String text) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(id + ".txt"), text, StandardCharsets.UTF_8);
            Path y = dir.resolve(id + ".yaml");
            Files.writeString(y, yaml, StandardCharsets.UTF_8);
            return y;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T fromJson(String s, Class<T> type) {
        try {
            return JSON.readValue(s, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String or(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s.strip();
    }
}
