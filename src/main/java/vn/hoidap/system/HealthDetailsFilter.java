package vn.hoidap.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.filter.ServerFilterPhase;
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
 * {@code /health} shows details (database, corpus, query-log backlog, disk) to administrators only.
 * {@code endpoints.health.details-visible: AUTHENTICATED} would show them to every signed-in user (the
 * communications team too), so this filter, running after micronaut-security has authenticated the
 * request, answers for the endpoint: details for an admin, the bare status for anyone else signed in.
 * Anonymous callers reach the endpoint itself and get {@code {"status":"UP"}}: no URL, user, version,
 * path or disk figure. The scrape token ({@link MetricsTokenFetcher}) sees the details too: it needs no
 * database, so the operator reads them while PostgreSQL is down.
 */
@ServerFilter("/health")
class HealthDetailsFilter implements Ordered {

    private static final Principal ADMIN = () -> "admin";

    private final AdminCheck admin;
    private final Provider<HealthEndpoint> health;

    HealthDetailsFilter(AdminCheck admin, Provider<HealthEndpoint> health) {
        this.admin = admin;
        this.health = health;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> detailsForAdmin(HttpRequest<?> request) {
        if (!"/health".equals(request.getPath()) || !admin.isSignedIn(request)) {
            return null;
        }
        boolean details = admin.isAdmin(request) || admin.hasRole(request, MetricsTokenFetcher.ROLE);
        HealthResult result = first(health.get().getHealth(details ? ADMIN : null)).join();
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
