package vn.hoidap.text.restore;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyllableModelTest {

    private final SyllableModel model = model();

    private static SyllableModel model() {
        SyllableModel m = new SyllableModel();
        m.addSentence(List.of("sở", "thông", "tin", "và", "truyền", "thông"));
        m.addSentence(List.of("sở", "nội", "vụ"));
        m.addSentence(List.of("thời", "gian", "thực", "hiện"));
        return m;
    }

    @Test
    void prefersTheSequenceItHasSeen() {
        int so = model.id("sở");
        assertTrue(model.logProb(SyllableModel.START, so, model.id("thông"))
                > model.logProb(SyllableModel.START, so, model.id("hiện")));
        assertTrue(model.logProb(model.id("thời"), model.id("gian"), model.id("thực"))
                > model.logProb(model.id("thời"), model.id("gian"), model.id("vụ")));
    }

    @Test
    void givesUnknownSyllablesASmallButFiniteProbability() {
        assertEquals(SyllableModel.UNKNOWN, model.id("xyz"));
        double p = model.logProb(SyllableModel.START, SyllableModel.START, SyllableModel.UNKNOWN);
        assertTrue(Double.isFinite(p) && p < model.logProb(SyllableModel.START, SyllableModel.START, model.id("sở")));
    }

    @Test
    void probabilitiesOfAContextSumToOne() {
        int so = model.id("sở");
        double sum = 0;
        for (String s : List.of("<unk>", "sở", "thông", "tin", "và", "truyền", "nội", "vụ", "thời", "gian", "thực", "hiện")) {
            sum += Math.exp(model.logProb(SyllableModel.START, so, model.id(s)));
        }
        assertEquals(1.0, sum, 0.02);
    }
}
