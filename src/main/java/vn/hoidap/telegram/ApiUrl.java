package vn.hoidap.telegram;

import io.micronaut.context.exceptions.ConfigurationException;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.net.URI;
import java.util.Locale;

/**
 * {@code TELEGRAM_API_URL} ("https://api.telegram.org", "http://127.0.0.1:8081") as the library's
 * {@link TelegramUrl}. The library builds {@code {schema}://{host}:{port}/bot{token}/{method}} and has no
 * place for a path prefix, so a URL with a path is refused at start-up instead of silently misrouted.
 */
final class ApiUrl {

    private ApiUrl() {
    }

    static TelegramUrl parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(url, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(url, "the scheme must be http or https");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid(url, "no host");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null) {
            throw invalid(url, "a path or query cannot be used (the Bot API lives at the root)");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return TelegramUrl.builder().schema(scheme).host(uri.getHost()).port(port).testServer(false).build();
    }

    private static ConfigurationException invalid(String url, String why) {
        return new ConfigurationException("TELEGRAM_API_URL '" + url + "' is invalid: " + why);
    }
}
