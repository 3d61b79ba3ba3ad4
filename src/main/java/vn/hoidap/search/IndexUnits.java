package vn.hoidap.search;

import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Anchors;
import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.PlanMetadata;
import vn.hoidap.corpus.ReportingDeadline;
import vn.hoidap.corpus.Responsibility;
import vn.hoidap.corpus.Target;
import vn.hoidap.corpus.Task;
import vn.hoidap.corpus.TextQuality;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Turns the knowledge into index units: passages, tasks, targets, deadlines, responsibilities, FAQs. */
final class IndexUnits {

    private IndexUnits() {
    }

    static List<IndexUnit> from(Knowledge knowledge) {
        List<IndexUnit> units = new ArrayList<>();
        for (Plan plan : knowledge.plans()) {
            addPlan(plan, units);
        }
        for (FaqEntry faq : knowledge.faqs()) {
            Plan basis = knowledge.plan(faq.basisPlanId()).orElse(null);
            StringBuilder text = new StringBuilder(faq.question());
            faq.alternates().forEach(a -> text.append('\n').append(a));
            text.append('\n').append(faq.answer());
            units.add(new IndexUnit(UnitType.FAQ, faq.id(), faq.basisPlanId(),
                    basis == null ? null : basis.meta().province(), basis != null && basis.meta().isDraft(),
                    List.of(), faq.question(), text.toString(), null, faq.basisSection(), faq.url(), false));
        }
        return units;
    }

    private static void addPlan(Plan plan, List<IndexUnit> units) {
        PlanMetadata meta = plan.meta();
        boolean ocr = meta.textQuality() == TextQuality.OCR;
        String original = ocr && !Objects.equals(plan.originalText(), plan.text()) ? plan.originalText() : null;
        units.add(unit(plan, UnitType.PASSAGE, "meta", List.of(), meta.displayName(), overview(meta), null, null,
                Anchors.planUrl(plan.id(), null), false));
        List<PassageChunker.Passage> passages = plan.outline().isEmpty()
                ? PassageChunker.fromText(plan.text())
                : PassageChunker.fromOutline(plan.outline(), plan.text());
        for (PassageChunker.Passage p : passages) {
            units.add(unit(plan, UnitType.PASSAGE, p.path(), List.of(), p.title(), p.text(),
                    original == null ? null : originalSlice(plan.text(), original, p.start(), p.end()), p.path(),
                    Anchors.planUrl(plan.id(), p.anchor()), ocr));
        }
        for (Task t : plan.tasks()) {
            StringBuilder text = new StringBuilder(t.title());
            append(text, "", t.description());
            append(text, "Nhóm nhiệm vụ: ", t.group());
            append(text, "Chủ trì: ", names(t.lead()));
            append(text, "Phối hợp: ", names(t.coordinate()));
            append(text, "Thời gian: ", t.timeline());
            append(text, "Kết quả: ", t.result());
            List<String> agencies = Stream.concat(t.lead().stream(), t.coordinate().stream())
                    .map(AgencyMention::agencyId).filter(Objects::nonNull).distinct().toList();
            units.add(unit(plan, UnitType.TASK, t.id(), agencies, t.title(), text.toString(), null, t.section(),
                    Anchors.planUrl(plan.id(), t.anchor()), false));
        }
        List<Target> targets = plan.targets();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            String title = "Mục tiêu đến năm " + t.year() + ": " + t.figure() + " " + t.subject();
            units.add(unit(plan, UnitType.TARGET, String.valueOf(i), List.of(), title, t.statement(), null,
                    t.section(), Anchors.planUrl(plan.id(), t.anchor()), false));
        }
        List<ReportingDeadline> deadlines = plan.deadlines();
        for (int i = 0; i < deadlines.size(); i++) {
            ReportingDeadline d = deadlines.get(i);
            String title = "Báo cáo " + d.what() + " (" + d.date() + ")";
            StringBuilder text = new StringBuilder(d.reporter()).append(" báo cáo ").append(d.what())
                    .append(" gửi ").append(d.recipient()).append(" trước ngày ").append(d.date());
            append(text, "", d.recurrence());
            units.add(unit(plan, UnitType.DEADLINE, String.valueOf(i), List.of(), title, text.toString(), null,
                    d.section(), Anchors.planUrl(plan.id(), d.anchor()), false));
        }
        List<Responsibility> responsibilities = plan.responsibilities();
        for (int i = 0; i < responsibilities.size(); i++) {
            Responsibility r = responsibilities.get(i);
            String text = r.agency().text() + ": " + String.join("; ", r.duties());
            List<String> agencies = r.agency().agencyId() == null ? List.of() : List.of(r.agency().agencyId());
            units.add(unit(plan, UnitType.RESPONSIBILITY, String.valueOf(i), agencies,
                    "Trách nhiệm của " + r.agency().text(), text, null, r.section(),
                    Anchors.planUrl(plan.id(), r.anchor()), false));
        }
    }

    private static IndexUnit unit(Plan plan, UnitType type, String id, List<String> agencies, String title,
                                  String text, String original, String section, String url, boolean ocr) {
        return new IndexUnit(type, id, plan.id(), plan.meta().province(), plan.meta().isDraft(), agencies, title,
                text, original, section, url, ocr);
    }

    /** The plan's own facts as one passage: number, issuer, signer, date, purpose … */
    private static String overview(PlanMetadata meta) {
        StringBuilder sb = new StringBuilder(meta.title());
        append(sb, "Số: ", meta.number());
        append(sb, "Cơ quan ban hành: ", meta.issuer());
        append(sb, "Ngày ban hành: ", meta.issueDate());
        append(sb, "Người ký: ", meta.signer() == null ? null
                : (meta.signerTitle() == null ? "" : meta.signerTitle() + " ") + meta.signer());
        PlanMetadata.PlanFacts f = meta.facts();
        if (f != null) {
            append(sb, "Triển khai: ", f.implementsDecision());
            append(sb, "Kinh phí: ", f.funding());
            f.purpose().forEach(p -> append(sb, "Mục đích: ", p));
            f.requirements().forEach(p -> append(sb, "Yêu cầu: ", p));
            f.legalBasis().forEach(p -> append(sb, "Căn cứ: ", p));
        }
        return sb.toString();
    }

    /**
     * The part of the received text that corresponds to [start, end) of the shown text. Repair keeps the
     * order of the text, so proportional positions (widened a little) find it without an alignment.
     */
    static String originalSlice(String shown, String original, int start, int end) {
        if (start < 0 || shown.isEmpty()) {
            return null;
        }
        double ratio = (double) original.length() / shown.length();
        int margin = 80;
        int from = Math.max(0, (int) (start * ratio) - margin);
        int to = Math.min(original.length(), (int) (end * ratio) + margin);
        return from < to ? original.substring(from, to) : null;
    }

    private static String names(List<AgencyMention> mentions) {
        return mentions.isEmpty() ? null : String.join(", ", mentions.stream().map(AgencyMention::text).toList());
    }

    private static void append(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            sb.append('\n').append(label).append(value.strip());
        }
    }
}
