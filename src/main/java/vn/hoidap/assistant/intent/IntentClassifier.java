package vn.hoidap.assistant.intent;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import vn.hoidap.corpus.CorpusException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Classifies a message into one of the intents of {@code corpus/intents/}, with an OpenNLP maximum-entropy
 * document categorizer trained from those examples when the service starts (there are no Vietnamese
 * models to download, and the examples are small enough to train in about a second).
 * The bean is built by {@link IntentClassifierFactory}; tests use {@link #train(List)} directly.
 */
public final class IntentClassifier {

    static final String LANGUAGE = "vie";

    private final DoccatModel model;
    private final Set<String> intents;

    private IntentClassifier(DoccatModel model, Set<String> intents) {
        this.model = model;
        this.intents = intents;
    }

    /** Trains from {@code <intentsDir>/*.txt}. */
    public static IntentClassifier train(Path intentsDir) {
        return train(IntentExamples.load(intentsDir));
    }

    public static IntentClassifier train(List<IntentExample> examples) {
        Set<String> intents = new TreeSet<>();
        examples.forEach(e -> intents.add(e.intent()));
        if (intents.size() < 2) {
            throw new CorpusException("Intent model needs examples of at least two intents, got " + intents);
        }
        return new IntentClassifier(trainModel(examples), Set.copyOf(intents));
    }

    /**
     * Fixed parameters so every start-up (and every test run) yields the same model: maxent (GIS) is
     * deterministic for a given sample order, and single-threaded training keeps it so.
     * Cutoff 0 keeps features seen once: with ~45 examples per intent many telling words occur once.
     */
    static TrainingParameters trainingParameters() {
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.ITERATIONS_PARAM, 200);
        params.put(TrainingParameters.CUTOFF_PARAM, 0);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        return params;
    }

    /** Words plus word bigrams: bigrams tell "chủ trì" (who) from "trì hoãn", "giá đất" from "đất nước". */
    static DoccatFactory featureFactory() {
        try {
            return new DoccatFactory(new FeatureGenerator[] {
                new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)});
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("Invalid n-gram range", e);
        }
    }

    static DoccatModel trainModel(List<IntentExample> examples) {
        List<DocumentSample> samples = new ArrayList<>(examples.size());
        for (IntentExample e : examples) {
            String[] tokens = IntentTokens.of(e.text());
            if (tokens.length > 0) {
                samples.add(new DocumentSample(e.intent(), tokens));
            }
        }
        try {
            return DocumentCategorizerME.train(LANGUAGE, ObjectStreamUtils.createObjectStream(samples),
                    trainingParameters(), featureFactory());
        } catch (IOException e) {
            throw new CorpusException("Cannot train the intent model: " + e.getMessage(), e);
        }
    }

    /** The best intent with its probability and the others ranked; safe to call from many threads. */
    public IntentPrediction classify(String text) {
        // DocumentCategorizerME is documented as not thread-safe; it is a thin wrapper, so one per call.
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        double[] probs = categorizer.categorize(IntentTokens.of(text == null ? "" : text));
        List<IntentPrediction.IntentScore> ranked = new ArrayList<>(probs.length);
        for (int i = 0; i < probs.length; i++) {
            ranked.add(new IntentPrediction.IntentScore(categorizer.getCategory(i), probs[i]));
        }
        ranked.sort(Comparator.comparingDouble(IntentPrediction.IntentScore::score).reversed()
                .thenComparing(IntentPrediction.IntentScore::intent));
        IntentPrediction.IntentScore best = ranked.get(0);
        return new IntentPrediction(best.intent(), best.score(), ranked.subList(1, ranked.size()));
    }

    /**
     * The trained parameters as bytes (OpenNLP's binary GIS format, every weight exact), for the derived-data
     * cache: {@link #ofModel} over them predicts exactly what this classifier predicts.
     */
    public byte[] modelBytes() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            new opennlp.tools.ml.maxent.io.BinaryGISModelWriter(
                    (opennlp.tools.ml.model.AbstractModel) model.getMaxentModel(), out).persist();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A classifier over parameters written by {@link #modelBytes}, with the same features as training. */
    public static IntentClassifier ofModel(byte[] modelBytes, Set<String> intents) throws IOException {
        opennlp.tools.ml.model.AbstractModel maxent = new opennlp.tools.ml.maxent.io.BinaryGISModelReader(
                new java.io.DataInputStream(new java.io.ByteArrayInputStream(modelBytes))).getModel();
        return new IntentClassifier(new DoccatModel(LANGUAGE, maxent, java.util.Map.of(), featureFactory()), Set.copyOf(intents));
    }

    /** The intents the model knows (the file names of {@code corpus/intents/}). */
    public Set<String> intents() {
        return intents;
    }
}
