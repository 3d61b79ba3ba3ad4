package vn.hoidap.upload;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import vn.hoidap.console.Csrf;
import vn.hoidap.console.PageModel;
import vn.hoidap.console.Roles;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The console's pages for plans (admins): upload form and list ({@code /quan-tri/ke-hoach}), the review page
 * with the extraction as editable tables, warnings, preview, the regression check and the publish button
 * showing its report ({@code /quan-tri/ke-hoach/{id}}). Every form carries the CSRF field.
 */
@Controller("/quan-tri/ke-hoach")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanPagesController {

    private final Uploads uploads;
    private final UploadStore store;
    private final PlanPublisher publisher;
    private final PlanViews views;
    private final Csrf csrf;

    private final PublishJobs jobs;

    private final PageModel pages;

    PlanPagesController(Uploads uploads, UploadStore store, PlanPublisher publisher, PlanViews views, Csrf csrf,
                        PublishJobs jobs, PageModel pages) {
        this.pages = pages;
        this.jobs = jobs;
        this.uploads = uploads;
        this.store = store;
        this.publisher = publisher;
        this.views = views;
        this.csrf = csrf;
    }

    private void requireCsrf(HttpRequest<?> request, String submitted) {
        if (!csrf.valid(request, submitted)) {
            throw new UploadRejected(io.micronaut.http.HttpStatus.FORBIDDEN,
                    "Biểu mẫu đã hết hạn hoặc không hợp lệ; hãy tải lại trang rồi gửi lại.");
        }
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication user) {
        Map<String, Object> m = pages.of(request);
        m.put("plans", store.all().stream().map(views::brief).toList());
        return new ModelAndView<>("console/plans", m);
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    HttpResponse<?> upload(HttpRequest<?> request, @Nullable @Part("_csrf") String token,
                           @Nullable @Part("file") CompletedFileUpload file, @Nullable @Part("id") String id,
                           @Nullable @Part("province") String province, Authentication user) throws IOException {
        requireCsrf(request, token);
        if (file == null || file.getSize() == 0) {
            throw new UploadRejected(io.micronaut.http.HttpStatus.BAD_REQUEST, "Hãy chọn tệp kế hoạch để tải lên.");
        }
        PlanDraft.Meta given = new PlanDraft.Meta(id, province, null, null, null, null, null, null, null, null, null);
        UploadStore.Row row = uploads.receive(file.getBytes(), file.getFilename(),
                file.getContentType().map(MediaType::toString).orElse(null), given, user.getName());
        return HttpResponse.seeOther(URI.create("/quan-tri/ke-hoach/" + row.id()));
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> review(HttpRequest<?> request, @PathVariable String id, Authentication user) {
        return page(request, user, row(id), null, null);
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Authentication user, UploadStore.Row row,
                                                   RegressionReport report, String saved) {
        Map<String, Object> m = pages.of(request);
        m.put("plan", views.detail(row));
        // templates read maps: record accessors are not bean getters to the expression language
        m.put("draft", asMap(PlanViews.draft(row)));
        m.put("warnings", PlanViews.warnings(row));
        m.put("report", asMap(report != null ? report : row.report() == null ? null
                : SheetFiles.fromJson(row.report(), RegressionReport.class)));
        m.put("saved", saved);
        m.put("processing", "processing".equals(row.status()));
        PublishJob job = jobs.latest(row.id()).orElse(null);
        m.put("publishing", job != null && job.status() == PublishJob.Status.RUNNING ? job.view() : null);
        if (saved == null && job != null && job.status() == PublishJob.Status.PUBLISHED) {
            m.put("saved", "Đã đăng: kế hoạch có trên cổng, trong tìm kiếm và trợ lý.");
        }
        if (job != null && job.status() == PublishJob.Status.FAILED) {
            m.put("publishError", job.error());
        }
        return new ModelAndView<>("console/plan-review", m);
    }

    @Get(value = "/{id}/xem-truoc", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> preview(HttpRequest<?> request, @PathVariable String id, Authentication user) {
        UploadStore.Row row = row(id);
        Map<String, Object> m = pages.of(request);
        var loaded = publisher.loaded(row);
        m.put("plan", asMap(loaded.plan()));
        m.put("name", loaded.plan().meta().displayName());
        m.put("sections", vn.hoidap.corpus.extract.OutlineParser.flatten(loaded.plan().outline()).stream()
                .map(PlanPagesController::asMap).toList());
        m.put("id", id);
        return new ModelAndView<>("console/plan-preview", m);
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> save(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form,
                                           Authentication user) {
        requireCsrf(request, form.get("_csrf"));
        UploadStore.Row row = uploads.review(row(id), fromForm(form), user.getName());
        return page(request, user, row, null, "Đã lưu bản rà soát.");
    }

    @Post(value = "/{id}/kiem-tra", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> check(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form,
                                            Authentication user) {
        requireCsrf(request, form.get("_csrf"));
        UploadStore.Row row = row(id);
        RegressionReport report = publisher.check(row);
        store.audit(user.getName(), "plan.check", id, null, SheetFiles.json(report));
        return page(request, user, row, report, null);
    }

    @Post(value = "/{id}/dang", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> publish(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form,
                            Authentication user) {
        requireCsrf(request, form.get("_csrf"));
        // the gate runs as a job; the review page shows its progress and then its report
        jobs.start(row(id), user.getName());
        return HttpResponse.seeOther(URI.create("/quan-tri/ke-hoach/" + id));
    }

    @Post(value = "/{id}/go", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> unpublish(HttpRequest<?> request, @PathVariable String id,
                                                @Body Map<String, String> form, Authentication user) {
        requireCsrf(request, form.get("_csrf"));
        publisher.unpublish(row(id), user.getName());
        return page(request, user, row(id), null, "Đã gỡ kế hoạch khỏi cổng, tìm kiếm và trợ lý.");
    }

    /** The review form: meta.<field>, task.<n>.<field>, target.<n>.<field>, deadline.<n>.<field>; lists one per line. */
    static PlanDraft fromForm(Map<String, String> f) {
        PlanDraft.Meta meta = new PlanDraft.Meta(null, f.get("meta.province"), f.get("meta.kind"), f.get("meta.number"),
                f.get("meta.issueDate"), f.get("meta.issuer"), f.get("meta.signer"), f.get("meta.signerTitle"),
                f.get("meta.status"), f.get("meta.title"), null);
        List<PlanDraft.TaskRow> tasks = new ArrayList<>();
        for (int i = 0; f.containsKey("task." + i + ".title"); i++) {
            String p = "task." + i + ".";
            if (f.containsKey(p + "delete")) {
                continue;
            }
            tasks.add(new PlanDraft.TaskRow(f.get(p + "id"), f.get(p + "section"), f.get(p + "number"), f.get(p + "title"),
                    lines(f.get(p + "lead")), lines(f.get(p + "coordinate")), f.get(p + "timeline"), f.get(p + "result")));
        }
        List<PlanDraft.TargetRow> targets = new ArrayList<>();
        for (int i = 0; f.containsKey("target." + i + ".figure"); i++) {
            String p = "target." + i + ".";
            if (f.containsKey(p + "delete")) {
                continue;
            }
            Integer year;
            try {
                year = Integer.valueOf(f.getOrDefault(p + "year", "").strip());
            } catch (NumberFormatException e) {
                year = null;
            }
            targets.add(new PlanDraft.TargetRow(year, f.get(p + "figure"), f.get(p + "subject"), f.get(p + "statement"),
                    f.get(p + "section")));
        }
        List<PlanDraft.DeadlineRow> deadlines = new ArrayList<>();
        for (int i = 0; f.containsKey("deadline." + i + ".date"); i++) {
            String p = "deadline." + i + ".";
            if (f.containsKey(p + "delete")) {
                continue;
            }
            deadlines.add(new PlanDraft.DeadlineRow(f.get(p + "reporter"), f.get(p + "recipient"), f.get(p + "date"),
                    f.get(p + "recurrence"), f.get(p + "what"), f.get(p + "section")));
        }
        return new PlanDraft(meta, tasks, targets, deadlines);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value == null ? null : SheetFiles.JSON.convertValue(value, Map.class);
    }

    private static List<String> lines(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private UploadStore.Row row(String id) {
        return store.get(id).orElseThrow(() -> new UploadRejected(io.micronaut.http.HttpStatus.NOT_FOUND,
                "Không có kế hoạch tải lên mã «" + id + "»."));
    }

    @Error(exception = UploadRejected.class)
    HttpResponse<?> rejected(HttpRequest<?> request, UploadRejected e) {
        return HttpResponse.status(e.status()).body(new ModelAndView<>("console/message",
                pages.page(request).message("Chưa làm được", e.getMessage()).build()));
    }
}
