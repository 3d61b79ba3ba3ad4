package vn.hoidap.assistant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import vn.hoidap.corpus.CorpusException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** corpus/assistant/plan-facts.yaml: which fact about a plan a question asks for, by cue phrases. */
record PlanFactCues(Map<String, List<String>> byFacet) {

    record FacetCues(String facet, List<String> cues) {
    }

    record File(List<FacetCues> facets) {
    }

    static PlanFactCues load(Path file) {
        try {
            File f = new ObjectMapper(new YAMLFactory())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(file.toFile(), File.class);
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (FacetCues c : f.facets()) {
                out.put(c.facet(), c.cues().stream().map(s -> String.join(" ", ContentWords.tokens(s))).toList());
            }
            return new PlanFactCues(out);
        } catch (IOException | RuntimeException e) {
            throw new CorpusException(file + ": expected 'facets' with 'facet' and 'cues': " + e.getMessage(), e);
        }
    }

    /** The plan fact a question asks about, or null; the first facet with a cue found wins. */
    String facet(String text) {
        String padded = Phrases.padded(text);
        for (Map.Entry<String, List<String>> e : byFacet.entrySet()) {
            if (Phrases.any(padded, e.getValue())) {
                return e.getKey();
            }
        }
        return null;
    }
}
