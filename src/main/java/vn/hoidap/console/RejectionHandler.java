package vn.hoidap.console;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Micronaut's handler for 401/403 (HTML requests redirected to the sign-in form, the rest get the JSON
 * error), keeping the {@code WWW-Authenticate} challenge scripts need: the project's error processor
 * builds a fresh response with the Vietnamese body and would drop the header the handler had set.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class RejectionHandler extends DefaultAuthorizationExceptionHandler {

    private final List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challenges;

    @Inject
    RejectionHandler(ErrorResponseProcessor<?> errors, RedirectConfiguration redirects, RedirectService redirectService,
                     List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challenges,
                     PriorToLoginPersistence priorToLogin) {
        super(errors, redirects, redirectService, challenges, priorToLogin);
        this.challenges = challenges;
    }

    @Override
    protected MutableHttpResponse<?> httpResponseWithStatus(HttpRequest<?> request, AuthorizationException e) {
        MutableHttpResponse<?> response = super.httpResponseWithStatus(request, e);
        if (!e.isForbidden() && !challenges.isEmpty() && !response.getHeaders().contains(HttpHeaders.WWW_AUTHENTICATE)) {
            response.header(HttpHeaders.WWW_AUTHENTICATE,
                    String.join(", ", challenges.stream().map(c -> c.getWwwAuthenticateChallenge(request)).toList()));
        }
        return response;
    }
}
