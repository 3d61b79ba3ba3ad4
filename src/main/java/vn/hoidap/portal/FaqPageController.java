package vn.hoidap.portal;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.views.ModelAndView;
import vn.hoidap.corpus.Anchors;
import vn.hoidap.corpus.FaqEntry;

import java.util.List;
import java.util.Map;

/**
 * {@code /hoi-dap}: every FAQ entry grouped by topic, with a contents list (answers link to {@code /hoi-dap#{id}},
 * so every entry stays on this page); {@code /hoi-dap/{topic}}: one topic.
 */
@Controller("/hoi-dap")
class FaqPageController {

    record Entry(String id, String question, List<AnswerText.Block> answer, String basis, String basisHref,
                 String askHref, boolean staff) {
    }

    record Group(String id, String name, String href, List<Entry> entries) {
    }

    private final FaqTopics topics;

    FaqPageController(FaqTopics topics) {
        this.topics = topics;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> all() {
        List<Group> groups = topics.topics().stream().map(FaqPageController::group).toList();
        return PageModel.of("faq", "hoi-dap").crumbs(Crumb.here("Hỏi đáp"))
                .put("groups", groups).put("topic", null)
                .put("count", groups.stream().mapToInt(g -> g.entries().size()).sum()).view();
    }

    @Get(value = "/{topic}", produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> topic(@PathVariable String topic) {
        FaqTopics.TopicGroup t = topics.topic(topic).orElse(null);
        if (t == null) {
            return NotFound.page("Không có chủ đề hỏi đáp “" + topic + "”.", new Crumb("Hỏi đáp", "/hoi-dap"));
        }
        Group g = group(t);
        return PageModel.of("faq", "hoi-dap").crumbs(new Crumb("Hỏi đáp", "/hoi-dap"), Crumb.here(g.name()))
                .put("groups", List.of(g)).put("topic", g).put("count", g.entries().size()).ok();
    }

    private static Group group(FaqTopics.TopicGroup t) {
        return new Group(t.id(), t.name(), t.href(), t.entries().stream().map(FaqPageController::entry).toList());
    }

    private static Entry entry(FaqEntry f) {
        String basisHref = f.basisPlanId() == null ? null
                : Anchors.planUrl(f.basisPlanId(), f.basisSection() == null ? null : Anchors.of(f.basisSection()));
        String ask = new ChatTurn(f.question(), null, null, null, false, List.of(), List.of()).shareUrl();
        return new Entry(f.id(), f.question(), AnswerText.blocks(f.answer()), f.basis(), basisHref, ask,
                "staff".equals(f.audience()));
    }
}
