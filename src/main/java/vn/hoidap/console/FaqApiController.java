package vn.hoidap.console;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.system.ApiError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FAQ editor and review queue for scripts, tests and the console's pages: {@code GET /api/admin/review},
 * {@code POST /api/admin/review/decision}, {@code GET|POST /api/admin/faq}, {@code PUT|DELETE
 * /api/admin/faq/{id}}, {@code GET /api/admin/faq/export.yaml}. Every save is live at once.
 */
@Controller("/api/admin")
@Secured({Roles.COMMS, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
class FaqApiController {

    private final FaqEditor editor;
    private final FaqOverlay overlay;
    private final ReviewQueue queue;
    private final FaqVersionRepository versions;

    FaqApiController(FaqEditor editor, FaqOverlay overlay, ReviewQueue queue, FaqVersionRepository versions) {
        this.editor = editor;
        this.overlay = overlay;
        this.queue = queue;
        this.versions = versions;
    }

    @Serdeable
    record Created(String id) {
    }

    @Serdeable
    record Saved(String id, int version) {
    }

    @Serdeable
    record Decision(@Nullable List<String> keys, @Nullable String decision, @Nullable String faqId,
                    @Nullable List<String> wordings) {
    }

    @Serdeable
    record Decided(String decision, int keys) {
    }

    @Serdeable
    record Review(int days, List<ReviewQueue.Group> groups) {
    }

    @Get("/review")
    Review review(@Nullable @QueryValue String days, @Nullable @QueryValue String limit) {
        int d = number(days, 30, 1, 366, "days");
        return new Review(d, queue.groups(d, number(limit, 100, 1, 500, "limit")));
    }

    @Post("/review/decision")
    Decided decide(@Body Decision body, Authentication who) {
        List<String> keys = body.keys() == null ? List.of() : body.keys();
        if (keys.isEmpty() || keys.size() > 500) {
            throw new InvalidConsoleRequest("Cần danh sách keys (1–500 khóa câu hỏi) của nhóm.");
        }
        String decision = body.decision() == null ? "" : body.decision().strip();
        switch (decision) {
            case "dismissed", "spam" -> editor.decide(keys, decision, null, who.getName());
            case "attached" -> {
                if (body.faqId() == null || body.faqId().isBlank()) {
                    throw new InvalidConsoleRequest("Cần faqId: câu hỏi thường gặp để gắn nhóm này vào.");
                }
                editor.attach(body.faqId().strip(), body.wordings() == null ? List.of() : body.wordings(), keys,
                        who.getName());
            }
            default -> throw new InvalidConsoleRequest(
                    "decision phải là dismissed (bỏ qua), spam (thư rác) hoặc attached (gắn vào câu hỏi có sẵn).");
        }
        return new Decided(decision, keys.size());
    }

    @Get("/faq")
    List<FaqEntry> list() {
        return overlay.live();
    }

    @Get("/faq/{id}")
    Map<String, Object> one(@PathVariable String id) {
        FaqEntry e = editor.current(id).orElseThrow(() -> new FaqNotFound(id));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entry", e);
        out.put("committed", overlay.committed(id));
        out.put("versions", versions.history(id).stream().map(v -> Map.of("version", v.key().version(),
                "actor", v.actor(), "savedAt", v.savedAt().toString(), "deleted", v.deleted())).toList());
        return out;
    }

    @Post("/faq")
    HttpResponse<Created> create(@Body FaqDraft draft, Authentication who) {
        return HttpResponse.status(HttpStatus.CREATED).body(new Created(editor.create(draft, who.getName())));
    }

    @Put("/faq/{id}")
    Saved update(@PathVariable String id, @Body FaqDraft draft, Authentication who) {
        return new Saved(id, editor.update(id, draft, who.getName()));
    }

    @Delete("/faq/{id}")
    HttpResponse<?> delete(@PathVariable String id, Authentication who) {
        editor.delete(id, who.getName());
        return HttpResponse.noContent();
    }

    /** The console's entries in corpus/faq's YAML schema, to be committed as a file of corpus/faq/. */
    @Get(value = "/faq/export.yaml", produces = "application/yaml;charset=utf-8")
    HttpResponse<String> export() {
        List<Map<String, Object>> entries = versions.latest().stream().filter(v -> !v.deleted()).map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", v.key().id());
            m.put("question", v.question());
            m.put("alternates", overlay.alternates(v.alternates()));
            m.put("answer", v.answer());
            m.put("topic", v.topic());
            m.put("audience", v.audience());
            m.put("basis", v.basis());
            return m;
        }).toList();
        List<String> hidden = versions.latest().stream().filter(FaqVersion::deleted).map(v -> v.key().id()).toList();
        StringBuilder out = new StringBuilder("# FAQ entries written in the console (export).\n");
        if (!hidden.isEmpty()) {
            out.append("# Hidden in the console (remove them from their files): ").append(String.join(", ", hidden)).append('\n');
        }
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
            out.append(yaml.writeValueAsString(Map.of("entries", entries)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(out.toString()).contentType(new MediaType("application/yaml;charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"quan-tri.yaml\"");
    }

    @Error(exception = InvalidConsoleRequest.class)
    HttpResponse<ApiError> invalid(HttpRequest<?> request, InvalidConsoleRequest e) {
        return ApiError.badRequest(e.getMessage());
    }

    @Error(exception = FaqNotFound.class)
    HttpResponse<ApiError> notFound(HttpRequest<?> request, FaqNotFound e) {
        return ApiError.notFound(e.getMessage());
    }

    private static int number(String value, int fallback, int min, int max, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // the message below
        }
        throw new InvalidConsoleRequest(name + " phải là số nguyên từ " + min + " đến " + max + ".");
    }
}
