package vn.hoidap.upload;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One publish of one plan, run off the request thread: the regression gate's progress (questions asked of
 * the total), then its outcome — {@code published} or {@code refused} with the report, or {@code failed} with
 * a reason. Kept in memory only: a job lost to a restart never swapped anything in (the swap is its last step,
 * after the row is written), so the row alone says what happened.
 */
final class PublishJob implements RegressionRunner.Progress {

    enum Status { RUNNING, PUBLISHED, REFUSED, FAILED }

    final String id;
    final String planId;
    final String actor;
    final Instant started = Instant.now();
    final CompletableFuture<RegressionReport> done = new CompletableFuture<>();
    private final AtomicInteger asked = new AtomicInteger();
    private volatile int total;
    private volatile Status status = Status.RUNNING;
    private volatile RegressionReport report;
    private volatile String error;
    private volatile Instant finished;

    PublishJob(String id, String planId, String actor) {
        this.id = id;
        this.planId = planId;
        this.actor = actor;
    }

    @Override
    public void total(int questions) {
        total = questions;
    }

    @Override
    public void asked() {
        asked.incrementAndGet();
    }

    Status status() {
        return status;
    }

    RegressionReport report() {
        return report;
    }

    String error() {
        return error;
    }

    void finish(RegressionReport r) {
        report = r;
        status = r.passed() ? Status.PUBLISHED : Status.REFUSED;
        finished = Instant.now();
        done.complete(r);
    }

    void fail(String reason, RuntimeException cause) {
        error = reason;
        status = Status.FAILED;
        finished = Instant.now();
        done.completeExceptionally(cause);
    }

    /** Progress in percent of the questions the gate asks (99 until the verdict is in). */
    int percent() {
        if (status != Status.RUNNING) {
            return 100;
        }
        int t = total;
        return t == 0 ? 0 : Math.min(99, asked.get() * 100 / t);
    }

    /** The job as the API shows it: {"job", "plan", "status", "progress", "asked", "total", "report" | "error"}. */
    Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", id);
        m.put("plan", planId);
        m.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        m.put("progress", percent());
        m.put("asked", asked.get());
        m.put("total", total);
        m.put("startedBy", actor);
        m.put("startedAt", started.toString());
        if (finished != null) {
            m.put("finishedAt", finished.toString());
        }
        if (report != null) {
            m.put("report", report);
        }
        if (error != null) {
            m.put("error", error);
        }
        return m;
    }
}
