package vn.hoidap.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A copy of the project's corpus without some plans: the service as it was before an admin adds them. */
public final class TestCorpus {

    private TestCorpus() {
    }

    static Path without(Set<String> planIds) {
        try {
            Path root = Files.createTempDirectory("hoidap-upload-corpus");
            Path from = Path.of("corpus");
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    Path rel = from.relativize(p);
                    String name = p.getFileName().toString();
                    if (rel.startsWith("plans") && planIds.contains(name.replaceFirst("\\.(txt|yaml)$", ""))) {
                        continue;
                    }
                    Path to = root.resolve(rel.toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of the project's corpus with only these plans (none: an empty {@code plans/}), everything else
     * (agencies, provinces, FAQ, intents, cues) as committed: the folder an operator adds a plan to.
     */
    public static Path keeping(Set<String> planIds) {
        try (Stream<Path> plans = Files.list(Path.of("corpus", "plans"))) {
            return without(plans.map(p -> p.getFileName().toString().replaceFirst("\\.(txt|yaml)$", ""))
                    .filter(id -> !planIds.contains(id)).collect(Collectors.toSet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
