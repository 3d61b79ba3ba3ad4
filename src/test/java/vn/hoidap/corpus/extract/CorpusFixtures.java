package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.Section;
import vn.hoidap.text.TextRepair;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The committed plan documents, repaired and parsed: tests read the real texts, not paraphrases. */
final class CorpusFixtures {

    static final Path PLANS = Path.of("corpus/plans");

    private CorpusFixtures() {
    }

    static String repaired(String planId) {
        try {
            return TextRepair.repair(Files.readString(PLANS.resolve(planId + ".txt"))).content();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Section> outline(String planId) {
        return OutlineParser.parse(repaired(planId));
    }

    static Section section(List<Section> outline, String path) {
        return OutlineParser.flatten(outline).stream().filter(s -> s.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + path + " in "
                        + OutlineParser.flatten(outline).stream().map(Section::path).toList()));
    }

    static List<String> paths(List<Section> outline) {
        return OutlineParser.flatten(outline).stream().map(Section::path).toList();
    }
}
