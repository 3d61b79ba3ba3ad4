package vn.hoidap.upload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tess4J loads {@code libtesseract.so} and {@code libleptonica.so} by those names; Debian installs only the
 * versioned runtime files ({@code libtesseract.so.5}, and Leptonica as {@code liblept.so.5}) unless the -dev
 * packages are there. Links under the expected names go into a private folder on {@code jna.library.path},
 * once, before the first OCR.
 */
final class NativeNames {

    private static final Logger LOG = LoggerFactory.getLogger(NativeNames.class);
    private static final List<String> DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/usr/lib64", "/usr/lib", "/usr/local/lib");
    private static volatile boolean done;

    private NativeNames() {
    }

    static synchronized void link() {
        if (done) {
            return;
        }
        done = true;
        try {
            Path dir = null;
            for (String[] wanted : List.of(new String[]{"libtesseract.so", "libtesseract.so."},
                    new String[]{"libleptonica.so", "liblept.so.", "libleptonica.so."})) {
                if (find(wanted[0], true).isPresent()) {
                    continue;
                }
                Optional<Path> versioned = Optional.empty();
                for (int i = 1; i < wanted.length && versioned.isEmpty(); i++) {
                    versioned = find(wanted[i], false);
                }
                if (versioned.isPresent()) {
                    if (dir == null) {
                        dir = Files.createTempDirectory("hoidap-ocr-lib");
                    }
                    Files.createSymbolicLink(dir.resolve(wanted[0]), versioned.get());
                }
            }
            if (dir != null) {
                String path = System.getProperty("jna.library.path");
                System.setProperty("jna.library.path", path == null || path.isBlank() ? dir.toString() : dir + ":" + path);
                LOG.info("OCR: native libraries linked under their expected names in {}", dir);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("OCR: could not link the native libraries: {}", e.toString());
        }
    }

    private static Optional<Path> find(String name, boolean exact) {
        for (String d : DIRS) {
            Path dir = Path.of(d);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            if (exact) {
                if (Files.exists(dir.resolve(name))) {
                    return Optional.of(dir.resolve(name));
                }
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                Optional<Path> hit = files.filter(p -> p.getFileName().toString().startsWith(name)).sorted().findFirst();
                if (hit.isPresent()) {
                    return hit;
                }
            } catch (IOException ignored) {
                // an unreadable folder holds nothing we can load
            }
        }
        return Optional.empty();
    }
}
