package vn.hoidap.portal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.topics.TopicCatalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * The home page: the assistant, search, provinces by today's name with their plans, the most asked questions,
 * the FAQ topics. {@code GET /?q=…} (a shared link) and {@code POST /} (the chat form without JavaScript) render
 * the answer on the server.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class HomeController {

    private final Knowledge knowledge;
    private final ProvinceIndex provinces;
    private final MostAsked mostAsked;
    private final FaqTopics faqTopics;
    private final WebChat chat;
    private final NameNotices notices;

    HomeController(Knowledge knowledge, ProvinceIndex provinces, MostAsked mostAsked, FaqTopics faqTopics,
                   WebChat chat, NameNotices notices) {
        this.knowledge = knowledge;
        this.provinces = provinces;
        this.mostAsked = mostAsked;
        this.faqTopics = faqTopics;
        this.chat = chat;
        this.notices = notices;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> home(@Nullable @QueryValue String q) {
        if (q != null && !q.isBlank()) {
            return answer(q, null, null);
        }
        return page(null, null, null).ok();
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> ask(@Nullable String message, @Nullable String sessionId,
                                                        @Nullable String province) {
        return answer(message, sessionId, province);
    }

    private HttpResponse<ModelAndView<Map<String, Object>>> answer(String message, String sessionId, String province) {
        WebChat.Outcome o = chat.ask(message, sessionId, province, "web");
        if (o.error() != null) {
            return page(null, o.sessionId(), o.error()).status(HttpStatus.BAD_REQUEST);
        }
        // An answer page is personal: never stored by shared caches.
        return page(o.turn(), o.sessionId(), null).ok().header("Cache-Control", "no-store");
    }

    private PageModel page(ChatTurn turn, String sessionId, String error) {
        return PageModel.of("home", "trang-chu")
                .put("chat", false)
                .put("turns", turn == null ? List.of() : List.of(turn))
                .put("sessionId", sessionId)
                .put("error", error)
                .put("provinces", provinces.all())
                .put("mostAsked", mostAsked.entries())
                .put("topics", faqTopics.topics())
                .put("changes", reorganisation());
    }

    /** The 2025 changes that touch the plans: merged provinces, then agencies whose role moved, each once. */
    private List<Notice> reorganisation() {
        Set<String> seen = new HashSet<>();
        return knowledge.plans().stream().flatMap(p -> notices.forPlan(p).stream())
                .filter(n -> seen.add(n.formerName()))
                .toList();
    }
}
