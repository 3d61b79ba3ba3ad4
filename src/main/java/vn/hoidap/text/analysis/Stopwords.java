package vn.hoidap.text.analysis;

import org.apache.lucene.analysis.CharArraySet;
import vn.hoidap.text.Fold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The stopword list of {@code corpus/stopwords.txt} in the two spellings the unigram fields need: as
 * written (for {@code exact}) and folded (for {@code fold}).
 */
public record Stopwords(CharArraySet exact, CharArraySet folded) {

    public static Stopwords none() {
        return new Stopwords(CharArraySet.EMPTY_SET, CharArraySet.EMPTY_SET);
    }

    public static Stopwords load(Path file) {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        try {
            return of(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public static Stopwords of(List<String> lines) {
        CharArraySet exact = new CharArraySet(64, false);
        CharArraySet folded = new CharArraySet(64, false);
        for (String line : lines) {
            String w = line.strip();
            if (w.isEmpty() || w.startsWith("#")) {
                continue;
            }
            exact.add(Syllables.normalize(w));
            folded.add(Fold.fold(w));
        }
        return new Stopwords(CharArraySet.unmodifiableSet(exact), CharArraySet.unmodifiableSet(folded));
    }
}
