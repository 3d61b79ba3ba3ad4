package vn.hoidap.corpus.extract;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import vn.hoidap.corpus.CorpusConfig;
import vn.hoidap.corpus.Knowledge;

import java.nio.file.Path;
import java.util.List;

/** {@code GET /api/extraction-report}: how the automatic extractor compares with the curated task sheets. */
@Controller("/api/extraction-report")
class ExtractionReportController {

    private final Knowledge knowledge;
    private final Path plansDir;

    ExtractionReportController(Knowledge knowledge, CorpusConfig config) {
        this.knowledge = knowledge;
        this.plansDir = Path.of(config.dir()).resolve("plans");
    }

    @Get
    List<ExtractionReport> report() {
        return ExtractionReports.of(knowledge.plans(), plansDir, knowledge.agencies());
    }
}
