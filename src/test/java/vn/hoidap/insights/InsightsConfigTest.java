package vn.hoidap.insights;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(startApplication = false)
@Property(name = "hoidap.insights.max-range-days", value = "400")
class InsightsConfigTest {

    @Inject
    InsightsConfig config;

    @Test
    void bindsOverridesAndKeepsDefaults() {
        assertEquals(400, config.maxRangeDays());
        assertEquals(200_000, config.exportMaxRows());
        assertEquals(50, config.maxGroups());
    }
}
