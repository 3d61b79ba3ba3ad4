package vn.hoidap.querylog;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(startApplication = false)
@Property(name = "hoidap.querylog.retention-days", value = "90")
@Property(name = "hoidap.querylog.queue-capacity", value = "123")
class QueryLogConfigTest {

    @Inject
    QueryLogConfig config;

    @Test
    void bindsOverridesAndKeepsDefaults() {
        assertEquals(90, config.retentionDays());
        assertEquals(123, config.queueCapacity());
        assertEquals(500, config.batchSize());
        assertTrue(config.enabled());
        assertTrue(config.spillDir().endsWith("querylog-spill"), config.spillDir());
    }
}
