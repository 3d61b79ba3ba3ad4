package vn.hoidap.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The one place that knows where each corpus file lives (see corpus/README.md). */
public final class CorpusLayout {

    private final Path root;

    public CorpusLayout(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path agencies() {
        return root.resolve("agencies.yaml");
    }

    public Path provinces() {
        return root.resolve("provinces.yaml");
    }

    public Path faqDir() {
        return root.resolve("faq");
    }

    public Path plansDir() {
        return root.resolve("plans");
    }

    /** Every {@code plans/<id>.yaml}, sorted by file name. */
    public List<Path> planSheets() {
        Path dir = plansDir();
        if (!Files.isDirectory(dir)) {
            throw new CorpusException("Corpus folder not found: " + dir.toAbsolutePath()
                    + " (set HOIDAP_CORPUS_DIR or run from the repository root)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new CorpusException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
