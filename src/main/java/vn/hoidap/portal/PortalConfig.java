package vn.hoidap.portal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.util.List;

/**
 * The public portal's settings. {@code frameAncestors} goes into every page's CSP {@code frame-ancestors}:
 * add the provincial portal that embeds the widget (e.g. {@code https://dongnai.gov.vn}). The official portal
 * and the in-person help desk appear in every page's footer. {@code departmentGroups}: the agencies.yaml groups a
 * plan uses to address every provincial department at once ("Các sở, ban, ngành"); a department's page lists
 * what the plans give those groups, and its calendar their reporting deadlines.
 */
@ConfigurationProperties("hoidap.portal")
public record PortalConfig(
        @Bindable(defaultValue = "'self'") List<String> frameAncestors,
        @Min(0) @Bindable(defaultValue = "300") int pageMaxAgeSeconds,
        @Min(0) @Bindable(defaultValue = "86400") int staticMaxAgeSeconds,
        @NotBlank @Bindable(defaultValue = "Cổng Dịch vụ công quốc gia") String officialPortalName,
        @NotBlank @Bindable(defaultValue = "https://dichvucong.gov.vn") String officialPortalUrl,
        @Min(1) @Bindable(defaultValue = "3") int mostAskedMinSessions,
        @Bindable(defaultValue = "cac-so-ban-nganh,cac-co-quan-truc-thuoc-ubnd-tinh,cac-co-quan-don-vi")
        List<String> departmentGroups) {

    /** The CSP source list for frame-ancestors, defaulting to the portal itself. */
    String frameAncestorsSources() {
        return frameAncestors == null || frameAncestors.isEmpty() ? "'self'" : String.join(" ", frameAncestors);
    }
}
