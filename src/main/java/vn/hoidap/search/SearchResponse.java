package vn.hoidap.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Locale;

/** The body of {@code GET /api/search}: the query as received and the ranked hits ("hits": [] when none). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record SearchResponse(String query, List<Hit> hits) {

    /** One hit as clients see it; {@code type} is lower-case ("task", "faq", …). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Hit(String type, String id, String title, String snippet, float score, String planId, String section,
               String url) {

        static Hit of(SearchHit h) {
            return new Hit(h.type().name().toLowerCase(Locale.ROOT), h.id(), h.title(), h.snippet(), h.score(),
                    h.planId(), h.section(), h.url());
        }
    }
}
