package vn.hoidap.corpus;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads {@code corpus/faq/*.yaml}: a top-level {@code entries:} list per file. */
public final class FaqLoader {

    private FaqLoader() {
    }

    public static List<FaqEntry> load(Path faqDir) {
        if (!Files.isDirectory(faqDir)) {
            return List.of();
        }
        List<FaqEntry> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.list(faqDir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                for (FaqEntry e : loadFile(file)) {
                    if (!ids.add(e.id())) {
                        throw new CorpusException(file + ": duplicate FAQ id '" + e.id() + "'");
                    }
                    out.add(e);
                }
            }
        } catch (IOException e) {
            throw new CorpusException("Cannot list " + faqDir + ": " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    /** {@code faq/*.yaml} as Jackson binds it. */
    record FaqFile(List<FaqRow> entries) {
    }

    record FaqRow(String id, String question, List<String> alternates, String answer, String topic, String audience,
                  String basis, String basisPlanId, String basisSection) {
    }

    static List<FaqEntry> loadFile(Path file) {
        FaqFile root = CorpusYaml.read(file, FaqFile.class);
        List<FaqEntry> out = new ArrayList<>();
        List<FaqRow> rows = root.entries() == null ? List.of() : root.entries();
        for (int i = 0; i < rows.size(); i++) {
            FaqRow f = rows.get(i);
            String at = "entries[" + i + "]";
            if (f == null) {
                throw new CorpusException(file + ": field '" + at + "' is empty");
            }
            String audience = CorpusYaml.optional(f.audience());
            out.add(new FaqEntry(
                    CorpusYaml.required(file, at + ".id", f.id()),
                    CorpusYaml.required(file, at + ".question", f.question()),
                    CorpusYaml.strings(f.alternates()),
                    CorpusYaml.required(file, at + ".answer", f.answer()),
                    CorpusYaml.required(file, at + ".topic", f.topic()),
                    audience == null ? "citizen" : audience,
                    CorpusYaml.required(file, at + ".basis", f.basis()),
                    CorpusYaml.optional(f.basisPlanId()),
                    CorpusYaml.optional(f.basisSection())));
        }
        return out;
    }
}
