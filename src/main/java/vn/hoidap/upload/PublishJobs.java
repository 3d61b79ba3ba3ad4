package vn.hoidap.upload;

import io.micronaut.http.HttpStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Publishes run as jobs on one worker thread (the gate asks hundreds of questions: minutes on a loaded
 * machine), one at a time per plan: a second publish of a plan whose job runs is refused with 409 naming it.
 * The latest job of each plan is kept for {@code GET …/publish} and the review page.
 */
@Singleton
class PublishJobs {

    private static final Logger LOG = LoggerFactory.getLogger(PublishJobs.class);

    private final PlanPublisher publisher;
    private final Map<String, PublishJob> latest = new ConcurrentHashMap<>();
    /** Publishes swap one shared generation and are serialised anyway: one worker, off the request threads. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "plan-publish");
        t.setDaemon(true);
        return t;
    });

    PublishJobs(PlanPublisher publisher) {
        this.publisher = publisher;
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
    }

    /** Starts a publish of {@code row}; refused (409) while another publish of the same plan runs. */
    PublishJob start(UploadStore.Row row, String actor) {
        publisher.requirePublishable(row);
        PublishJob job = new PublishJob(UUID.randomUUID().toString(), row.id(), actor);
        PublishJob running = latest.compute(row.id(), (id, previous) ->
                previous != null && previous.status() == PublishJob.Status.RUNNING ? previous : job);
        if (running != job) {
            throw new UploadRejected(HttpStatus.CONFLICT, "Kế hoạch «" + row.id() + "» đang được kiểm tra để đăng (việc "
                    + running.id + ", do " + running.actor + " bắt đầu): xin đợi việc đó xong.");
        }
        worker.submit(() -> run(job, row));
        return job;
    }

    private void run(PublishJob job, UploadStore.Row row) {
        try {
            job.finish(publisher.publish(row, job.actor, job));
        } catch (UploadRejected e) {
            job.fail(e.getMessage(), e);
        } catch (RuntimeException e) {
            LOG.error("Publishing uploaded plan {} failed", row.id(), e);
            job.fail("Đăng kế hoạch thất bại do lỗi hệ thống; kế hoạch chưa được đăng, xin thử lại.", e);
        }
    }

    Optional<PublishJob> latest(String planId) {
        return Optional.ofNullable(latest.get(planId));
    }
}
