package vn.hoidap.corpus;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A question people ask, its other phrasings, the answer, and what the answer rests on. */
@Serdeable
public record FaqEntry(
        String id,
        String question,
        List<String> alternates,
        String answer,
        String topic,
        String audience,
        String basis,
        String basisPlanId,
        String basisSection) {
    public FaqEntry {
        alternates = List.copyOf(alternates);
    }

    public String url() {
        return "/hoi-dap#" + id;
    }
}
