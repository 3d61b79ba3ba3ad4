package vn.hoidap.portal;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.PlanMetadata;
import vn.hoidap.corpus.ReportingDeadline;
import vn.hoidap.corpus.Responsibility;
import vn.hoidap.corpus.Section;
import vn.hoidap.corpus.Target;
import vn.hoidap.corpus.Task;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pages answers link to: {@code /ke-hoach/{planId}} with an anchor on every section, task, target and
 * deadline, and {@code /hoi-dap} with an anchor per FAQ entry.
 */
@Controller
class PlanPageController {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private final Knowledge knowledge;

    PlanPageController(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    @Get(value = "/ke-hoach", produces = HTML)
    String index() {
        StringBuilder sb = new StringBuilder("<h1>Các kế hoạch</h1><ul>");
        for (Plan p : knowledge.plans()) {
            sb.append("<li><a href=\"/ke-hoach/").append(Html.esc(p.id())).append("\">")
                    .append(Html.esc(p.meta().displayName())).append("</a></li>");
        }
        return Html.page("Các kế hoạch", sb.append("</ul>").toString());
    }

    @Get(value = "/ke-hoach/{planId}", produces = HTML)
    HttpResponse<String> plan(@PathVariable String planId) {
        Plan plan = knowledge.plan(planId).orElse(null);
        if (plan == null) {
            return HttpResponse.<String>status(HttpStatus.NOT_FOUND)
                    .body(Html.page("Không tìm thấy", "<h1>Không tìm thấy kế hoạch này</h1><p><a href=\"/ke-hoach\">Xem các kế hoạch</a></p>"));
        }
        Set<String> used = new HashSet<>();
        StringBuilder sb = new StringBuilder();
        PlanMetadata m = plan.meta();
        sb.append("<h1>").append(Html.esc(m.title())).append("</h1>");
        if (m.isDraft()) {
            sb.append("<p class=\"badge\">Dự thảo — bản đã ban hành: <a href=\"/ke-hoach/")
                    .append(Html.esc(m.draftOf())).append("\">xem tại đây</a></p>");
        }
        sb.append("<dl class=\"meta\">");
        meta(sb, "Tỉnh", m.province());
        meta(sb, "Loại văn bản", m.kind());
        meta(sb, "Số", m.number());
        meta(sb, "Ngày ban hành", m.issueDate());
        meta(sb, "Cơ quan ban hành", m.issuer());
        meta(sb, "Người ký", m.signer() == null ? null : m.signer() + (m.signerTitle() == null ? "" : " (" + m.signerTitle() + ")"));
        meta(sb, "Chất lượng văn bản", m.textQuality() == vn.hoidap.corpus.TextQuality.OCR
                ? "Văn bản quét (OCR), đã khôi phục dấu tiếng Việt" : "Văn bản gốc");
        sb.append("</dl>");
        if (!plan.tasks().isEmpty()) {
            sb.append("<h2>Nhiệm vụ</h2><ol class=\"tasks\">");
            for (Task t : plan.tasks()) {
                sb.append("<li").append(anchor(t.anchor(), used)).append("><strong>").append(Html.esc(t.number()))
                        .append(" ").append(Html.esc(t.title())).append("</strong>");
                if (t.description() != null) {
                    sb.append("<p>").append(Html.esc(t.description())).append("</p>");
                }
                sb.append("<ul>");
                item(sb, "Đơn vị chủ trì", agencies(t.lead()));
                item(sb, "Đơn vị phối hợp", agencies(t.coordinate()));
                item(sb, "Thời gian thực hiện", t.timeline());
                item(sb, "Kết quả", t.result());
                sb.append("</ul></li>");
            }
            sb.append("</ol>");
        }
        if (!plan.targets().isEmpty()) {
            sb.append("<h2>Mục tiêu</h2><ul>");
            for (Target t : plan.targets()) {
                sb.append("<li").append(anchor(t.anchor(), used)).append(">Đến năm ").append(t.year()).append(": ")
                        .append(Html.esc(t.statement())).append("</li>");
            }
            sb.append("</ul>");
        }
        if (!plan.deadlines().isEmpty()) {
            sb.append("<h2>Chế độ báo cáo</h2><ul>");
            for (ReportingDeadline d : plan.deadlines()) {
                sb.append("<li").append(anchor(d.anchor(), used)).append(">").append(Html.esc(d.reporter()))
                        .append(" — ").append(Html.esc(d.what())).append(" — gửi ").append(Html.esc(d.recipient()))
                        .append(", trước ngày ").append(Html.esc(d.date())).append(" ")
                        .append(Html.esc(d.recurrence() == null ? "" : d.recurrence())).append("</li>");
            }
            sb.append("</ul>");
        }
        if (!plan.responsibilities().isEmpty()) {
            sb.append("<h2>Tổ chức thực hiện</h2><ul>");
            for (Responsibility r : plan.responsibilities()) {
                sb.append("<li").append(anchor(r.anchor(), used)).append("><strong>").append(Html.esc(r.agency().text()))
                        .append("</strong><ul>");
                r.duties().forEach(d -> sb.append("<li>").append(Html.esc(d)).append("</li>"));
                sb.append("</ul></li>");
            }
            sb.append("</ul>");
        }
        if (!plan.outline().isEmpty()) {
            sb.append("<h2>Toàn văn</h2>");
            plan.outline().forEach(s -> section(sb, s, 3, used));
        } else {
            sb.append("<h2>Toàn văn</h2><pre class=\"text\">").append(Html.esc(plan.text())).append("</pre>");
        }
        return HttpResponse.ok(Html.page(m.displayName(), sb.toString()));
    }

    @Get(value = "/hoi-dap", produces = HTML)
    String faq() {
        StringBuilder sb = new StringBuilder("<h1>Hỏi đáp</h1>");
        for (FaqEntry f : knowledge.faqs()) {
            sb.append("<section id=\"").append(Html.esc(f.id())).append("\"><h2>").append(Html.esc(f.question()))
                    .append("</h2><p>").append(Html.esc(f.answer())).append("</p><p class=\"basis\">Cơ sở: ")
                    .append(Html.esc(f.basis())).append("</p></section>");
        }
        return Html.page("Hỏi đáp", sb.toString());
    }

    private static void section(StringBuilder sb, Section s, int level, Set<String> used) {
        int h = Math.min(level, 6);
        sb.append("<section").append(anchor(s.anchor(), used)).append("><h").append(h).append(">")
                .append(Html.esc(s.heading())).append("</h").append(h).append(">");
        if (s.text() != null && !s.text().isBlank()) {
            sb.append("<p>").append(Html.esc(s.text()).replace("\n", "<br>")).append("</p>");
        }
        s.children().forEach(c -> section(sb, c, level + 1, used));
        sb.append("</section>");
    }

    /** An id attribute the first time an anchor is used (tasks and their sections share anchors). */
    private static String anchor(String anchor, Set<String> used) {
        return anchor != null && used.add(anchor) ? " id=\"" + Html.esc(anchor) + "\"" : "";
    }

    private static String agencies(List<AgencyMention> mentions) {
        return mentions.isEmpty() ? null : mentions.stream().map(AgencyMention::text).collect(Collectors.joining("; "));
    }

    private static void meta(StringBuilder sb, String label, String value) {
        if (value != null) {
            sb.append("<dt>").append(Html.esc(label)).append("</dt><dd>").append(Html.esc(value)).append("</dd>");
        }
    }

    private static void item(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            sb.append("<li><em>").append(Html.esc(label)).append(":</em> ").append(Html.esc(value)).append("</li>");
        }
    }
}
