package vn.hoidap.corpus.extract;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import vn.hoidap.corpus.Knowledge;

import java.util.List;

/** {@code GET /api/extraction-report}: how the automatic extractor compares with the curated task sheets. */
@Controller("/api/extraction-report")
class ExtractionReportController {

    private final Knowledge knowledge;

    ExtractionReportController(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    /** Built with the knowledge at start-up: a GET only reads it. */
    @Get
    List<ExtractionReport> report() {
        return knowledge.extractionReports();
    }
}
