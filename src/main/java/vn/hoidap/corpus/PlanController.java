package vn.hoidap.corpus;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.serde.annotation.Serdeable;
import vn.hoidap.system.ApiError;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** {@code GET /api/plans} and {@code GET /api/plans/{id}}: the plans as the service understands them. */
@Controller("/api/plans")
class PlanController {

    private final Knowledge knowledge;

    PlanController(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    @Get
    List<PlanSummary> list() {
        return knowledge.plans().stream()
                .sorted(Comparator.comparing((Plan p) -> p.meta().isDraft()).thenComparing(Plan::id))
                .map(PlanSummary::of).toList();
    }

    @Get("/{id}")
    HttpResponse<?> plan(@PathVariable String id) {
        return knowledge.plan(id)
                .<HttpResponse<?>>map(p -> HttpResponse.ok(PlanDetail.of(p, knowledge)))
                .orElseGet(() -> ApiError.notFound("Không tìm thấy kế hoạch có mã '" + id
                        + "'. Các kế hoạch hiện có: "
                        + String.join(", ", knowledge.plans().stream().map(Plan::id).sorted().toList()) + "."));
    }

    static String statusLabel(PlanMetadata meta) {
        return meta.isDraft() ? "Dự thảo" : "Đã ban hành";
    }

    @Serdeable
    record PlanSummary(String id, String province, String kind, String number, String issueDate, String status,
                       String statusLabel, String title, String displayName, String textQuality, int taskCount,
                       String draftOf) {
        static PlanSummary of(Plan p) {
            PlanMetadata m = p.meta();
            return new PlanSummary(m.id(), m.province(), m.kind(), m.number(), m.issueDate(),
                    m.status().name().toLowerCase(Locale.ROOT), PlanController.statusLabel(m), m.title(), m.displayName(),
                    m.textQuality().name().toLowerCase(Locale.ROOT), p.tasks().size(), m.draftOf());
        }
    }

    /**
     * A plan in full. Drafts point at the issued plan that supersedes them; issued plans list their drafts.
     * Empty lists are written out ({@code "outline": []}) so clients can tell "none" from "not sent".
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PlanDetail(String id, String province, String kind, String number, String issueDate, String issuer,
                      String signer, String signerTitle, String status, String statusLabel, String title,
                      String displayName, String textQuality, String originalFile, PlanRef issuedPlan,
                      List<PlanRef> drafts, String note, PlanMetadata.PlanFacts facts, List<Section> outline,
                      List<Task> tasks, List<Target> targets, List<ReportingDeadline> deadlines,
                      List<Responsibility> responsibilities) {

        static PlanDetail of(Plan p, Knowledge knowledge) {
            PlanMetadata m = p.meta();
            PlanRef issued = m.draftOf() == null ? null
                    : knowledge.plan(m.draftOf()).map(PlanRef::of).orElse(new PlanRef(m.draftOf(), null, null));
            List<PlanRef> drafts = knowledge.plans().stream()
                    .filter(d -> m.id().equals(d.meta().draftOf())).map(PlanRef::of).toList();
            String note = !m.isDraft() ? null
                    : "Đây là bản Dự thảo, chỉ để tham khảo"
                    + (issued == null ? "." : "; văn bản đã ban hành có hiệu lực là "
                    + (issued.displayName() == null ? issued.id() : issued.displayName()) + " (" + issued.id() + ").");
            return new PlanDetail(m.id(), m.province(), m.kind(), m.number(), m.issueDate(), m.issuer(), m.signer(),
                    m.signerTitle(), m.status().name().toLowerCase(Locale.ROOT), PlanController.statusLabel(m), m.title(),
                    m.displayName(), m.textQuality().name().toLowerCase(Locale.ROOT), m.originalFile(), issued, drafts, note, m.facts(),
                    p.outline(), p.tasks(), p.targets(), p.deadlines(), p.responsibilities());
        }
    }

    @Serdeable
    record PlanRef(String id, String displayName, String url) {
        static PlanRef of(Plan p) {
            return new PlanRef(p.id(), p.meta().displayName(), "/api/plans/" + p.id());
        }
    }
}
