package vn.hoidap.corpus.extract;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@io.micronaut.context.annotation.Property(name = "hoidap.console.admin-password", value = "extraction-report-test")
class ExtractionReportControllerTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void reportsEveryPlanAsJson() {
        List<Map<String, Object>> body = client.toBlocking().retrieve(HttpRequest.GET("/api/extraction-report")
                        .basicAuth("admin", "extraction-report-test"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(vn.hoidap.corpus.CorpusCount.plans(), body.size());
        Map<String, Object> bd = body.stream().filter(r -> "binh-dinh-2022".equals(r.get("planId"))).findFirst()
                .orElseThrow();
        assertEquals(14, ((Number) bd.get("extracted")).intValue());
        assertEquals("clean", bd.get("textQuality"));
        assertTrue(bd.containsKey("lead"), bd.toString());
        Map<String, Object> th = body.stream().filter(r -> "thanh-hoa-2022".equals(r.get("planId"))).findFirst()
                .orElseThrow();
        assertTrue(((Number) th.get("curated")).intValue() > 0, "the curated sheet is what the report compares with");
        assertTrue(th.containsKey("targets") && th.containsKey("targetsPartFound"), th.toString());
    }
}
