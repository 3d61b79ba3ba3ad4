package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Responsibility;
import vn.hoidap.corpus.Section;
import vn.hoidap.corpus.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What "Tổ chức thực hiện" asks of each agency: a numbered or lettered item headed by an agency ("1. Sở Xây
 * dựng", "5. Sở Giáo dục và Đào tạo: Chủ trì …", "1. Sở Khoa học và Công nghệ theo dõi, đôn đốc …") gives that
 * agency its list items as duties; a heading naming several ("6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông
 * dân tỉnh, …") gives each of them those duties. Paragraphs of the part opening with agencies, the part's
 * closing paragraph ("Yêu cầu các sở, ban, ngành …", printed after its last item) and a body of the state
 * charged in the funding part ("Hàng năm, Sở Tài chính cân đối, bố trí kinh phí …") count too. A plan that
 * states its tasks only this way (tasks by agency) gets one task per duty, led by those agencies.
 */
final class DutyExtractor {

    private static final Pattern BULLET = Pattern.compile("^(?:[-+•–]|\\(?\\d{1,2}\\)|[a-zđ]\\))\\s*");
    /** A closing paragraph addressed to agencies: "Yêu cầu các sở, ban, ngành …", "Đề nghị …", "Giao …". */
    private static final Pattern ADDRESSED = Pattern.compile("^(?:yeu cau|[dp]\\S{0,2} ngh\\S{0,2}|giao)\\s*:?\\s");
    private static final Pattern PARAGRAPH_END = Pattern.compile("[.;:!?]$");
    private static final Pattern CLAUSE = Pattern.compile("[^,;.]+(?:[,;.]|$)");

    private DutyExtractor() {
    }

    static List<Responsibility> extract(String planId, List<Section> outline, Function<String, AgencyMention> mention) {
        List<Responsibility> out = new ArrayList<>();
        for (Section part : PlanParts.organisationParts(outline)) {
            if (part.path().startsWith("PL")) {
                continue; // an appendix table's "trách nhiệm" column is not the part that assigns duties
            }
            // Prose duties in the part's own text: "- Giao Sở Thông tin và Truyền thông chủ trì, …".
            String previous = "";
            for (String line : part.text().split("\n")) {
                String l = line.strip();
                // A hard-wrapped paragraph (OCR text) continues on lines that open no paragraph of their own.
                boolean opens = previous.isEmpty() || BULLET.matcher(l).lookingAt() || PARAGRAPH_END.matcher(previous).find();
                if (opens) {
                    prose(planId, part, BULLET.matcher(l).replaceFirst("").strip(), mention, out);
                }
                previous = l;
            }
            for (Section c : part.children()) {
                out.addAll(fromSection(planId, part, c, mention));
            }
        }
        for (Section part : PlanParts.fundingParts(outline)) {
            if (!part.path().startsWith("PL")) {
                funding(planId, part, mention, out);
            }
        }
        return out;
    }

    /** A paragraph that opens with agencies gives each of them the paragraph as a duty. */
    private static void prose(String planId, Section part, String line, Function<String, AgencyMention> mention,
                              List<Responsibility> out) {
        if (line.isEmpty() || !Character.isUpperCase(line.charAt(0))) {
            return;
        }
        for (String agency : AgencySubject.agencies(AgencySubject.of(line))) {
            out.add(new Responsibility(planId, mention.apply(agency), part.path(), part.anchor(), List.of(line)));
        }
    }

    /**
     * "Kinh phí …: Hàng năm, Sở Tài chính cân đối, bố trí kinh phí …": a body of the state named as the subject
     * of a clause of the funding part is charged with the rest of that sentence.
     */
    private static void funding(String planId, Section part, Function<String, AgencyMention> mention,
                                List<Responsibility> out) {
        for (Section s : OutlineParser.flatten(List.of(part))) {
            for (String para : s.text().split("\n")) {
                for (String sentence : DeadlineExtractor.sentences(para)) {
                    java.util.regex.Matcher m = CLAUSE.matcher(sentence);
                    while (m.find()) {
                        String clause = m.group().strip();
                        if (clause.isEmpty() || !AgencySubject.startsWithStateBody(clause)) {
                            continue;
                        }
                        String subject = AgencySubject.of(clause);
                        String duty = sentence.substring(m.start()).strip();
                        if (subject == null || duty.length() <= subject.length() + 3) {
                            continue; // a bare mention ("… do Sở Tài chính"), not a duty
                        }
                        for (String agency : AgencySubject.agencies(subject)) {
                            out.add(new Responsibility(planId, mention.apply(agency), s.path(), s.anchor(), List.of(duty)));
                        }
                        break;
                    }
                }
            }
        }
    }

    private static List<Responsibility> fromSection(String planId, Section part, Section s,
                                                    Function<String, AgencyMention> mention) {
        String title = AgencySubject.withoutAddress(OutlineParser.title(s).strip());
        String subject;
        List<String> duties = new ArrayList<>();
        int colon = title.indexOf(':');
        if (colon > 0 && colon < 160 && AgencySubject.startsWithAgency(title.substring(0, colon))) {
            subject = title.substring(0, colon).strip();
            String rest = title.substring(colon + 1).strip();
            if (!rest.isEmpty()) {
                duties.add(rest);
            }
        } else if (AgencySubject.startsWithAgency(title) && title.split("\\s+").length <= 24 && !title.endsWith(".")
                && title.equals(AgencySubject.of(title))) {
            subject = title.replaceFirst("[:;.]+$", ""); // "1. Sở Xây dựng": a heading that is only the agency
        } else if (AgencySubject.startsWithAgency(title)) {
            // "Sở Khoa học và Công nghệ theo dõi, đôn đốc …": the agency is the sentence's subject.
            subject = AgencySubject.of(title);
            duties.add(title);
        } else {
            return List.of();
        }
        List<Responsibility> closing = new ArrayList<>();
        for (String line : s.text().split("\n")) {
            String l = BULLET.matcher(line.strip()).replaceFirst("").strip();
            if (l.isEmpty()) {
                continue;
            }
            if (ADDRESSED.matcher(AgencyPatterns.fold(l)).find() && AgencySubject.of(l) != null) {
                // The part's closing paragraph printed after its last item belongs to the part, not the item.
                prose(planId, part, l, mention, closing);
            } else {
                duties.add(l);
            }
        }
        for (Section c : s.children()) {
            String t = OutlineParser.title(c);
            duties.add(c.text().isBlank() ? t : t + " " + c.text().replace('\n', ' '));
        }
        List<Responsibility> out = new ArrayList<>();
        if (!duties.isEmpty() && subject != null) {
            for (String agency : AgencySubject.agencies(subject)) {
                out.add(new Responsibility(planId, mention.apply(agency), s.path(), s.anchor(), duties));
            }
        }
        out.addAll(closing);
        return out;
    }

    static boolean looksLikeAgency(String text) {
        return AgencySubject.startsWithAgency(text);
    }

    /**
     * One task per duty, for a plan whose only assignments are its duties by agency; the agencies one heading
     * names together lead its duties together.
     */
    static List<Task> asTasks(String planId, List<Responsibility> responsibilities) {
        java.util.Map<String, List<Responsibility>> byHeading = new java.util.LinkedHashMap<>();
        for (Responsibility r : responsibilities) {
            byHeading.computeIfAbsent(r.section() + "\u0000" + r.duties(), k -> new ArrayList<>()).add(r);
        }
        List<Task> tasks = new ArrayList<>();
        for (List<Responsibility> group : byHeading.values()) {
            Responsibility r = group.get(0);
            List<AgencyMention> leads = group.stream().map(Responsibility::agency).toList();
            String names = String.join(", ", leads.stream().map(AgencyMention::text).toList());
            int n = 1;
            for (String duty : r.duties()) {
                String id = "t-" + TaskExtractor.slug(r.section()) + "-" + n++;
                tasks.add(new Task(planId, id, r.section(), r.anchor(), "-", names, duty, null, leads, List.of(), null,
                        null));
            }
        }
        return tasks;
    }
}
