package vn.hoidap.assistant.intent;

import vn.hoidap.corpus.CorpusException;
import vn.hoidap.text.Fold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code corpus/intents/*.txt}: the file name is the intent, each non-blank line an example,
 * lines starting with {@code #} are comments.
 */
public final class IntentExamples {

    private static final Pattern INTENT_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private IntentExamples() {
    }

    public static List<IntentExample> load(Path intentsDir) {
        if (!Files.isDirectory(intentsDir)) {
            throw new CorpusException("Intent examples not found: " + intentsDir.toAbsolutePath().normalize());
        }
        List<IntentExample> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(intentsDir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                String name = file.getFileName().toString();
                String intent = name.substring(0, name.length() - ".txt".length());
                if (!INTENT_NAME.matcher(intent).matches()) {
                    throw new CorpusException(file + ": intent file names are lower-case ids like task_who.txt");
                }
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String text = Fold.nfc(line).strip();
                    if (!text.isEmpty() && !text.startsWith("#")) {
                        out.add(new IntentExample(intent, text));
                    }
                }
            }
        } catch (IOException e) {
            throw new CorpusException("Cannot read " + intentsDir + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new CorpusException(intentsDir + ": no intent examples");
        }
        return List.copyOf(out);
    }
}
