package vn.hoidap.corpus;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a corpus YAML file safely (no custom tags); any problem names the file. */
public final class YamlFiles {

    private YamlFiles() {
    }

    public static Object read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException | RuntimeException e) {
            throw new CorpusException(file + ": unreadable YAML: " + e.getMessage(), e);
        }
    }
}
