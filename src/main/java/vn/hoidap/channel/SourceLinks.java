package vn.hoidap.channel;

import vn.hoidap.assistant.Source;

import java.util.Locale;

/**
 * Source links as people can open them from a messenger: the portal's relative links ({@code /ke-hoach/…})
 * made absolute with the portal base URL ({@code PORTAL_BASE_URL}); other schemes ({@code javascript:},
 * {@code data:}) dropped. Titles name the section and are kept short.
 */
public final class SourceLinks {

    static final int MAX_TITLE = 200;

    private final String portalBase;

    public SourceLinks(String portalBaseUrl) {
        String base = portalBaseUrl == null ? "" : portalBaseUrl.strip();
        this.portalBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The absolute URL, or null when there is none worth linking to. */
    public String absolute(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return u;
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*") || lower.startsWith("//")) {
            // javascript:, data:, protocol-relative … have no business in a link to the portal.
            return null;
        }
        return portalBase + (u.startsWith("/") ? u : "/" + u);
    }

    /** "Kế hoạch 53/KH-UBND (mục III.2)", shortened. */
    public String title(Source s) {
        String title = s.title() != null && !s.title().isBlank() ? s.title().strip()
                : s.planId() != null && !s.planId().isBlank() ? s.planId() : "Nguồn";
        if (s.section() != null && !s.section().isBlank() && !title.contains(s.section().strip())) {
            title = title + " (mục " + s.section().strip() + ")";
        }
        return shorten(title, MAX_TITLE);
    }

    public static String shorten(String text, int maxCodePoints) {
        String t = text.strip();
        if (t.codePointCount(0, t.length()) <= maxCodePoints) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, maxCodePoints - 1)) + "…";
    }
}
