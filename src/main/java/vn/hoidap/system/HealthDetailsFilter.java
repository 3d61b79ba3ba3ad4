package vn.hoidap.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.health.HealthStatus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Provider;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.security.Principal;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /health} shows details (database, corpus, query-log backlog, disk) only to a signed-in caller
 * ({@code endpoints.health.details-visible: AUTHENTICATED}). Without micronaut-security nothing binds a
 * principal to the health endpoint, so for a request carrying the admin credentials this filter asks the
 * endpoint itself on the admin's behalf. Anonymous callers get {@code {"status":"UP"}} and nothing else:
 * no URL, user, version, path or disk figure. Once security is on, this filter goes.
 */
@ServerFilter("/health")
class HealthDetailsFilter {

    private static final Principal ADMIN = () -> "admin";

    private final AdminCheck admin;
    private final Provider<HealthEndpoint> health;

    HealthDetailsFilter(AdminCheck admin, Provider<HealthEndpoint> health) {
        this.admin = admin;
        this.health = health;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> detailsForAdmin(HttpRequest<?> request) {
        if (!"/health".equals(request.getPath()) || !admin.isAdmin(request)) {
            return null;
        }
        HealthResult result = first(health.get().getHealth(ADMIN)).join();
        if (result == null) {
            return null;
        }
        HttpStatus status = HealthStatus.DOWN.equals(result.getStatus()) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK;
        return HttpResponse.status(status).body(result);
    }

    /** The publisher's single item (the aggregated health result) as a future. */
    private static <T> CompletableFuture<T> first(Publisher<T> publisher) {
        CompletableFuture<T> result = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<T>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(1);
            }

            @Override
            public void onNext(T t) {
                result.complete(t);
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                result.complete(null);
            }
        });
        return result;
    }
}
