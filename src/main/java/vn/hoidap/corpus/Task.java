package vn.hoidap.corpus;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One assignment of a plan: who leads, who coordinates, by when, with what result. {@code section} is the
 * outline path ("III.2.4", or "PL.II.3" for an appendix row) and {@code anchor} its stable link target.
 */
@Serdeable
public record Task(
        String planId,
        String id,
        String section,
        String anchor,
        String number,
        String group,
        String title,
        String description,
        List<AgencyMention> lead,
        List<AgencyMention> coordinate,
        String timeline,
        String result) implements java.io.Serializable {
    public Task {
        lead = List.copyOf(lead);
        coordinate = List.copyOf(coordinate);
    }
}
