package vn.hoidap.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import vn.hoidap.topics.TopicCatalog;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The review queue and FAQ editor as pages (forms work without JavaScript; every form carries the CSRF
 * field, checked before anything else). They call the same {@link FaqEditor} as the JSON API.
 */
@Controller("/quan-tri")
@Secured({Roles.COMMS, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
class ReviewPagesController {

    private final PageModel pages;
    private final ReviewQueue queue;
    private final FaqEditor editor;
    private final FaqOverlay overlay;
    private final TopicCatalog topics;
    private final Csrf csrf;

    ReviewPagesController(PageModel pages, ReviewQueue queue, FaqEditor editor, FaqOverlay overlay, TopicCatalog topics,
                          Csrf csrf) {
        this.pages = pages;
        this.queue = queue;
        this.editor = editor;
        this.overlay = overlay;
        this.topics = topics;
        this.csrf = csrf;
    }

    /** Keys of a group travel as one field, one key per line. */
    @Serdeable
    record DecisionForm(@Nullable String _csrf, @Nullable String keys, @Nullable String decision,
                        @Nullable String faqId, @Nullable String wordings) {
    }

    @Serdeable
    record FaqForm(@Nullable String _csrf, @Nullable String question, @Nullable String phrasings,
                   @Nullable String answer, @Nullable String topic, @Nullable String basis,
                   @Nullable String audience, @Nullable String keys) {
    }

    @Get(value = "/hang-doi", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> queue(HttpRequest<?> request, @Nullable @QueryValue String ok) {
        return new ModelAndView<>("console/review", pages.page(request).flash(ok != null)
                .put("groups", queue.groups(30, 100)).put("faqs", overlay.live()).build());
    }

    @Post(value = "/hang-doi/quyet-dinh", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> decide(HttpRequest<?> request, @Body DecisionForm form, Authentication who) {
        csrf.require(request, form._csrf());
        List<String> keys = lines(form.keys());
        try {
            String decision = form.decision() == null ? "" : form.decision();
            switch (decision) {
                case "dismissed", "spam" -> editor.decide(keys, decision, null, who.getName());
                case "attached" -> editor.attach(form.faqId() == null ? "" : form.faqId(), lines(form.wordings()), keys,
                        who.getName());
                default -> throw new InvalidConsoleRequest("Hãy chọn một thao tác.");
            }
        } catch (InvalidConsoleRequest | FaqNotFound e) {
            return message(request, e.getMessage());
        }
        return HttpResponse.seeOther(URI.create("/quan-tri/hang-doi?ok"));
    }

    @Get(value = "/hoi-dap", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> faqs(HttpRequest<?> request, @Nullable @QueryValue String tu,
                                           @Nullable @QueryValue String khoa, @Nullable @QueryValue String ok) {
        return new ModelAndView<>("console/faqs", pages.page(request).flash(ok != null)
                .put("faqs", overlay.live()).put("topics", topics.topicList())
                .put("draftQuestion", tu == null ? "" : tu).put("draftKeys", khoa == null ? "" : khoa).build());
    }

    @Post(value = "/hoi-dap", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> create(HttpRequest<?> request, @Body FaqForm form, Authentication who) {
        csrf.require(request, form._csrf());
        try {
            editor.create(new FaqDraft(form.question(), lines(form.phrasings()), form.answer(), form.topic(), form.basis(),
                    form.audience(), lines(form.keys())), who.getName());
        } catch (InvalidConsoleRequest e) {
            return message(request, e.getMessage());
        }
        return HttpResponse.seeOther(URI.create("/quan-tri/hoi-dap?ok"));
    }

    private HttpResponse<?> message(HttpRequest<?> request, String text) {
        return HttpResponse.badRequest(new ModelAndView<>("console/message",
                pages.page(request).message("Chưa lưu được", text).build()));
    }

    private static List<String> lines(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
