package vn.hoidap.assistant;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.Knowledge;

import java.util.List;
import java.util.Objects;

/**
 * Merges a question read on its own with the conversation, by three explicit rules (tested one by one):
 * <ol>
 * <li><b>facet only</b> — "vậy ai phối hợp?", "làm trong bao lâu?": a facet, no subject words, no new
 *     entity, and a unit under discussion: the unit stays, the facet changes;</li>
 * <li><b>entity only</b> — "còn Bình Phước?", "còn năm 2030?", "Bình Định thì sao?": a follow-up marker or
 *     nothing but entities: the facet and subject stay, the named province, agency or year changes;</li>
 * <li><b>new subject</b> — anything else starts over; only the province carries over, to a plan question
 *     that names none.</li>
 * </ol>
 * A province chosen in the channel applies when neither the question nor the conversation names one.
 */
@Singleton
final class DialogueRules {

    private final Knowledge knowledge;

    DialogueRules(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    enum Rule { FRESH, FACET_ONLY, ENTITY_ONLY, NEW_SUBJECT }

    Rule rule(Reading r, DialogueState s) {
        if (s.isEmpty() || r.refusal() != null) {
            return Rule.FRESH;
        }
        Entities e = r.entities();
        String province = e.province() == null ? null : e.province().name();
        boolean newProvince = province != null && !province.equals(s.province());
        boolean newAgency = e.agency() != null && !e.agency().id().equals(s.agencyId());
        boolean newYear = e.year() != null && !e.year().equals(s.year());
        // a unit belongs to its plan: another plan named by its number ("còn trong KH 617 thì …") is a new entity
        String plan = planNamed(r.specifics().documentNumber());
        boolean newPlan = plan != null && s.planId() != null && !plan.equals(s.planId());
        boolean newEntity = newProvince || newAgency || newYear || newPlan || e.unknownPlace() != null;
        if (r.subjectWords() == 0 && r.facet() != Facet.NONE && !newEntity && s.unitKind() != null
                && r.organisation() == null) {
            return Rule.FACET_ONLY;
        }
        // "nhiệm vụ hội thảo đó thì đơn vị nào phối hợp?": the subject words only point back at the task
        // just discussed, so it is a facet of that task, not a new search
        if (r.refersBack() && r.facet().isTaskPart() && !newEntity && DialogueState.TASK.equals(s.unitKind())
                && r.organisation() == null) {
            return Rule.FACET_ONLY;
        }
        boolean onlyEntities = r.subjectWords() == 0 && r.facet() == Facet.NONE && newEntity;
        boolean shortFollowUp = r.subjectWords() <= 1 && r.facet() == Facet.NONE && !newEntity
                && !r.intent().isSmallTalk();
        if ((r.followUpMarker() && r.subjectWords() <= 2) || onlyEntities || shortFollowUp) {
            return Rule.ENTITY_ONLY;
        }
        return Rule.NEW_SUBJECT;
    }

    /** The id of the plan whose own number is {@code number} ("617" of "617/KH-UBND"), or null. */
    private String planNamed(String number) {
        if (number == null) {
            return null;
        }
        for (vn.hoidap.corpus.Plan p : knowledge.plans()) {
            String n = p.meta().number();
            if (n != null && n.startsWith(number) && n.substring(number.length()).stripLeading().startsWith("/")) {
                return p.id();
            }
        }
        return null;
    }

    Understanding merge(Reading r, DialogueState s, String chosenProvince) {
        Entities e = r.entities();
        Rule rule = rule(r, s);
        String province = e.province() == null ? null : e.province().name();
        Agency agency = e.agency();
        Integer year = e.year();
        Intent intent = r.intent();
        Facet facet = r.facet();
        String content = r.content();
        String folded = r.folded();
        boolean followUp = rule == Rule.FACET_ONLY || rule == Rule.ENTITY_ONLY;
        // a facet-only follow-up whose unit is not a task: the subject is searched again, not the unit kept
        boolean retold = false;
        Intent previous = s.intent() == null ? null : Intent.of(s.intent());
        switch (rule) {
            case FACET_ONLY -> {
                province = s.province();
                agency = agency != null ? agency : agencyOf(s.agencyId(), province);
                year = s.year();
                content = "";
                if (DialogueState.TASK.equals(s.unitKind()) && facet.isTaskPart()) {
                    intent = Intent.forTaskFacet(facet);
                } else if (facet.isTaskPart() && s.topic() != null) {
                    // a task part of what a passage or list answered ("còn đơn vị phối hợp?" after a quoted
                    // appendix row): the task card of the same subject answers it
                    intent = Intent.forTaskFacet(facet);
                    content = s.topic();
                    retold = true;
                } else if (previous != null && (previous.isPlanBound() || previous == Intent.FAQ)) {
                    intent = previous;
                    content = s.topic() == null ? "" : s.topic();
                }
            }
            case ENTITY_ONLY -> {
                if (province == null) {
                    province = s.province();
                }
                if (year == null) {
                    year = s.year();
                }
                if (agency == null && s.agencyId() != null) {
                    // "Sở Nội vụ Đồng Nai chủ trì những gì?" then "còn Bình Định?": the same agency, elsewhere
                    agency = agencyOf(s.agencyId(), province);
                }
                if (previous != null && (previous.isPlanBound() || previous == Intent.FAQ)) {
                    intent = previous;
                }
                if (facet == Facet.NONE) {
                    facet = s.facetOrNone();
                }
                if (s.topic() != null) {
                    content = (s.topic() + " " + content).strip();
                }
                if (s.question() != null) {
                    // facts asked by wording ("ai ký", "số mấy"): "còn Thanh Hóa?" asks the same of another plan
                    folded = s.question() + " " + folded;
                }
            }
            case NEW_SUBJECT -> {
                if (province == null && intent.isPlanBound() && e.unknownPlace() == null && !e.acrossProvinces()) {
                    province = s.province();
                    if (agency != null && province != null) {
                        agency = knowledge.agencies().localMember(agency, planProvince(province));
                    }
                }
            }
            default -> {
            }
        }
        if (province == null && chosenProvince != null && e.unknownPlace() == null && !e.acrossProvinces()) {
            province = knowledge.provinces().resolve(chosenProvince).map(p -> p.name()).orElse(null);
        }
        // a period ("giai đoạn 2026-2030") selects a plan; it is not a year the answer must contain
        AskedSpecifics specifics = r.specifics().period() && year != null && year.equals(e.year())
                ? r.specifics().withYear(null) : r.specifics().withYear(year);
        String subject = switch (rule) {
            case FACET_ONLY -> retold ? content : "";
            case ENTITY_ONLY -> content;
            default -> r.subject();
        };
        return new Understanding(r.text(), folded, intent, r.intentConfidence(), facet, specifics, r.refusal(),
                content, subject, r.placeContent(), List.of(), List.of(), province, e.unknownPlace(), agency,
                e.unknownAgency(), r.organisation(), e.successorAsked(), year, role(e, facet), e.acrossProvinces(),
                followUp, rule == Rule.FACET_ONLY && !retold, s);
    }

    private static Role role(Entities e, Facet facet) {
        if (facet == Facet.COORDINATORS) {
            return Role.COORDINATE;
        }
        return e.role();
    }

    private Agency agencyOf(String id, String province) {
        Agency a = id == null ? null : knowledge.agencies().byId(id).orElse(null);
        return a == null || province == null ? a : knowledge.agencies().localMember(a, planProvince(province));
    }

    /** The province name plans are filed under (today's merged name has the former province's plans). */
    private String planProvince(String province) {
        return knowledge.plans().stream().map(p -> p.meta().province()).filter(Objects::nonNull)
                .filter(province::equals).findFirst().orElse(province);
    }
}
