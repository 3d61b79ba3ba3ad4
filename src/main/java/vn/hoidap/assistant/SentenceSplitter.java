package vn.hoidap.assistant;

import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.sentdetect.SentenceDetectorFactory;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.SentenceSample;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringList;
import opennlp.tools.util.TrainingParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits passages into sentences with an OpenNLP model trained at start-up on the corpus's own paragraphs
 * (no model is downloaded). Training sentences are cut at ". " / "; " before a capital, so the model learns
 * Vietnamese administrative prose and the abbreviations that do not end a sentence (TP., TS., v.v.).
 */
final class SentenceSplitter {

    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?;])\\s+(?=[\\p{Lu}\"“(-])");
    private static final List<String> ABBREVIATIONS = List.of("TP.", "TS.", "ThS.", "PGS.", "GS.", "v.v.", "TT.", "KT.", "TM.", "Tp.");

    private final SentenceDetectorME detector;

    private SentenceSplitter(SentenceDetectorME detector) {
        this.detector = detector;
    }

    static SentenceSplitter train(List<String> paragraphs) {
        List<SentenceSample> samples = new ArrayList<>();
        for (String p : paragraphs) {
            String text = p.strip().replaceAll("\\s+", " ");
            if (text.length() < 20) {
                continue;
            }
            samples.add(new SentenceSample(text, spans(text)));
        }
        Dictionary abbreviations = new Dictionary(true);
        ABBREVIATIONS.forEach(a -> abbreviations.put(new StringList(a)));
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, 60);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        try {
            SentenceModel model = SentenceDetectorME.train("vie", new CollectionObjectStream<>(samples),
                    new SentenceDetectorFactory("vie", true, abbreviations, new char[] {'.', '!', '?', ';'}), params);
            return new SentenceSplitter(new SentenceDetectorME(model));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Span[] spans(String text) {
        List<Span> out = new ArrayList<>();
        Matcher m = BOUNDARY.matcher(text);
        int start = 0;
        while (m.find()) {
            if (!endsWithAbbreviation(text.substring(start, m.start()))) {
                out.add(new Span(start, m.start()));
                start = m.end();
            }
        }
        out.add(new Span(start, text.length()));
        return out.toArray(Span[]::new);
    }

    private static boolean endsWithAbbreviation(String s) {
        return ABBREVIATIONS.stream().anyMatch(s::endsWith);
    }

    /** Sentences of a passage; a detector is not thread-safe, hence the lock. */
    List<String> split(String passage) {
        String text = passage == null ? "" : passage.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return List.of();
        }
        String[] sentences;
        synchronized (detector) {
            sentences = detector.sentDetect(text);
        }
        List<String> out = new ArrayList<>();
        for (String s : sentences) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out.isEmpty() ? List.of(text) : out;
    }
}
