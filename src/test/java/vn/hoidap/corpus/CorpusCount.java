package vn.hoidap.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** How many plans the committed corpus holds: tests that list them all follow the corpus, not a number. */
public final class CorpusCount {

    private CorpusCount() {
    }

    public static int plans() {
        try (Stream<Path> files = Files.list(Path.of("corpus/plans"))) {
            return (int) files.filter(p -> p.toString().endsWith(".yaml")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
