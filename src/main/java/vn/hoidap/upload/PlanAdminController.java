package vn.hoidap.upload;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import vn.hoidap.console.Roles;
import vn.hoidap.system.ApiError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Plans added without a developer, for scripts, tests and the console's pages (admins only):
 * {@code POST /api/admin/plans} (multipart {@code file} + optional metadata fields) → 201 with the
 * extraction, or 202 while OCR runs; {@code GET /api/admin/plans[/{id}]}; {@code PUT /api/admin/plans/{id}}
 * (metadata and corrected rows); {@code POST …/{id}/publish} → 200 with the regression report or 409 with
 * it (a job off the request thread; {@code Prefer: respond-async} → 202 and {@code GET …/{id}/publish} to poll); {@code POST …/{id}/check} (the gate on demand); {@code DELETE …/{id}} withdraws it; exports.
 */
@Controller("/api/admin/plans")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanAdminController {

    private final Uploads uploads;
    private final UploadStore store;
    private final PlanPublisher publisher;
    private final PlanViews views;
    private final PublishJobs jobs;

    PlanAdminController(Uploads uploads, UploadStore store, PlanPublisher publisher, PlanViews views, PublishJobs jobs) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.store = store;
        this.publisher = publisher;
        this.views = views;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> upload(@Nullable @Part("file") CompletedFileUpload file, @Nullable @Part("id") String id,
                           @Nullable @Part("province") String province, @Nullable @Part("kind") String kind,
                           @Nullable @Part("number") String number, @Nullable @Part("issueDate") String issueDate,
                           @Nullable @Part("issuer") String issuer, @Nullable @Part("signer") String signer,
                           @Nullable @Part("status") String status, @Nullable @Part("title") String title,
                           Authentication user) {
        if (file == null) {
            return ApiError.badRequest("Thiếu tệp: gửi kế hoạch trong trường «file» (multipart/form-data).");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PlanDraft.Meta given = new PlanDraft.Meta(id, province, kind, number, issueDate, issuer, signer, null, status, title, null);
        UploadStore.Row row = uploads.receive(bytes, file.getFilename(), file.getContentType().map(MediaType::toString)
                .orElse(null), given, user.getName());
        Map<String, Object> body = views.summary(row);
        return HttpResponse.status("processing".equals(row.status()) ? HttpStatus.ACCEPTED : HttpStatus.CREATED).body(body);
    }

    @Get
    List<Map<String, Object>> list() {
        return store.all().stream().map(views::brief).toList();
    }

    @Get("/{id}")
    HttpResponse<?> get(@PathVariable String id) {
        UploadStore.Row row = row(id);
        Map<String, Object> body = views.detail(row);
        return "failed".equals(row.status()) ? HttpResponse.unprocessableEntity().body(body) : HttpResponse.ok(body);
    }

    @Put(value = "/{id}", consumes = MediaType.APPLICATION_JSON)
    Map<String, Object> review(@PathVariable String id, @Body String json, Authentication user) {
        PlanDraft edited;
        try {
            JsonNode tree = SheetFiles.JSON.readTree(json);
            UploadStore.Row row = row(id);
            PlanDraft before = SheetFiles.fromJson(row.sheet() == null ? "{}" : row.sheet(), PlanDraft.class);
            // fields left out keep their reviewed value
            PlanDraft.Meta meta = tree.has("meta") ? SheetFiles.JSON.treeToValue(tree.get("meta"), PlanDraft.Meta.class) : before.meta();
            edited = new PlanDraft(meta,
                    tree.has("tasks") ? List.of(SheetFiles.JSON.treeToValue(tree.get("tasks"), PlanDraft.TaskRow[].class)) : before.tasks(),
                    tree.has("targets") ? List.of(SheetFiles.JSON.treeToValue(tree.get("targets"), PlanDraft.TargetRow[].class)) : before.targets(),
                    tree.has("deadlines") ? List.of(SheetFiles.JSON.treeToValue(tree.get("deadlines"), PlanDraft.DeadlineRow[].class)) : before.deadlines());
            return views.detail(uploads.review(row, edited, user.getName()));
        } catch (IOException | IllegalArgumentException e) {
            throw new UploadRejected(HttpStatus.BAD_REQUEST, "Nội dung sửa không đúng định dạng JSON của bản rà soát (meta, tasks, targets, deadlines).");
        }
    }

    /**
     * Starts a publish job. By default the response waits for it without holding a request thread and is the
     * issue's contract: 200 with the report, 409 with it when refused. With {@code Prefer: respond-async}
     * (RFC 7240) or {@code ?async=true} it answers at once: 202 {"job", "status": "running", "progress"} and
     * a Location to poll ({@code GET …/publish}). A second publish while one runs: 409 naming the job.
     */
    @Post("/{id}/publish")
    CompletableFuture<HttpResponse<?>> publish(@PathVariable String id, @Nullable @Header("Prefer") String prefer,
                                               @Nullable @QueryValue("async") Boolean async, Authentication user) {
        PublishJob job = jobs.start(row(id), user.getName());
        if (Boolean.TRUE.equals(async) || prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
            return CompletableFuture.completedFuture(HttpResponse.accepted()
                    .header("Location", "/api/admin/plans/" + id + "/publish")
                    .header("Preference-Applied", "respond-async").body(job.view()));
        }
        return job.done.<HttpResponse<?>>handle((report, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                        ? c.getCause() : failure;
                return HttpResponse.status(cause instanceof UploadRejected u ? u.status() : HttpStatus.SERVICE_UNAVAILABLE)
                        .body(new ApiError(job.error()));
            }
            return report.passed() ? HttpResponse.ok(report) : HttpResponse.status(HttpStatus.CONFLICT).body(report);
        });
    }

    /**
     * The plan's latest publish job ({@code status} running, published, refused or failed, with progress and
     * the report); after a restart, what the row says: its status and the last report kept with it.
     */
    @Get("/{id}/publish")
    HttpResponse<?> publishStatus(@PathVariable String id) {
        UploadStore.Row row = row(id);
        Optional<PublishJob> job = jobs.latest(id);
        if (job.isPresent()) {
            return HttpResponse.ok(job.get().view());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plan", id);
        RegressionReport report = row.report() == null ? null : SheetFiles.fromJson(row.report(), RegressionReport.class);
        m.put("status", "published".equals(row.status()) ? "published" : report != null && !report.passed() ? "refused"
                : row.status());
        if (report != null) {
            m.put("report", report);
        }
        return HttpResponse.ok(m);
    }

    @Post("/{id}/check")
    RegressionReport check(@PathVariable String id, Authentication user) {
        UploadStore.Row row = row(id);
        if (row.sheet() == null) {
            throw new UploadRejected(HttpStatus.CONFLICT, "Kế hoạch chưa đọc xong, chưa kiểm tra được.");
        }
        RegressionReport report = publisher.check(row);
        store.audit(user.getName(), "plan.check", id, null, SheetFiles.json(report));
        return report;
    }

    @Delete("/{id}")
    Map<String, Object> unpublish(@PathVariable String id, Authentication user) {
        UploadStore.Row row = row(id);
        publisher.unpublish(row, user.getName());
        return views.brief(store.get(id).orElseThrow());
    }

    @Get(value = "/{id}/export.yaml", produces = "application/yaml")
    HttpResponse<String> exportYaml(@PathVariable String id) {
        UploadStore.Row row = ready(id);
        return HttpResponse.ok(SheetFiles.yaml(SheetFiles.fromJson(row.sheet(), PlanDraft.class), row.fileName(), true))
                .header("Content-Disposition", "attachment; filename=\"" + id + ".yaml\"");
    }

    @Get(value = "/{id}/export.txt", produces = MediaType.TEXT_PLAIN + ";charset=utf-8")
    HttpResponse<String> exportText(@PathVariable String id) {
        return HttpResponse.ok(ready(id).text()).header("Content-Disposition", "attachment; filename=\"" + id + ".txt\"");
    }

    /** The text people will read once it is published (repaired, and restored when it is OCR). */
    @Get(value = "/{id}/preview.txt", produces = MediaType.TEXT_PLAIN + ";charset=utf-8")
    String preview(@PathVariable String id) {
        return publisher.loaded(ready(id)).plan().text();
    }

    @Get(value = "/{id}/original", produces = MediaType.APPLICATION_OCTET_STREAM)
    HttpResponse<byte[]> original(@PathVariable String id) {
        UploadStore.Row row = row(id);
        return HttpResponse.ok(store.original(id)).contentType(row.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + row.fileName().replace("\"", "") + "\"");
    }

    /** Writes corpus/plans/<id>.txt + .yaml in the service's corpus folder, to be committed. */
    @Post("/{id}/export")
    Map<String, Object> export(@PathVariable String id, Authentication user) {
        UploadStore.Row row = ready(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("yaml", uploads.export(row, user.getName()).toString());
        return out;
    }

    private UploadStore.Row ready(String id) {
        UploadStore.Row row = row(id);
        if (row.sheet() == null || row.text() == null) {
            throw new UploadRejected(HttpStatus.CONFLICT, "Kế hoạch chưa đọc xong.");
        }
        return row;
    }

    private UploadStore.Row row(String id) {
        return store.get(id).orElseThrow(() -> new UploadRejected(HttpStatus.NOT_FOUND, "Không có kế hoạch tải lên mã «" + id + "»."));
    }

    @Error(exception = UploadRejected.class)
    HttpResponse<ApiError> rejected(HttpRequest<?> request, UploadRejected e) {
        return HttpResponse.<ApiError>status(e.status()).body(new ApiError(e.getMessage()));
    }
}
