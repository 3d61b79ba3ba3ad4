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

    static List<FaqEntry> loadFile(Path file) {
        Object parsed;
        parsed = YamlFiles.read(file);
        YamlFields root = YamlFields.root(file.toString(), parsed);
        List<FaqEntry> out = new ArrayList<>();
        for (YamlFields f : root.list("entries")) {
            out.add(new FaqEntry(
                    f.required("id"),
                    f.required("question"),
                    f.strings("alternates"),
                    f.required("answer"),
                    f.required("topic"),
                    f.optional("audience") == null ? "citizen" : f.optional("audience"),
                    f.required("basis"),
                    f.optional("basisPlanId"),
                    f.optional("basisSection")));
        }
        return out;
    }
}
