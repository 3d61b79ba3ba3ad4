package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Responsibility;
import vn.hoidap.corpus.Section;
import vn.hoidap.corpus.Task;
import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What "Tổ chức thực hiện" asks of each agency: a numbered or lettered item headed by an agency ("1. Sở Xây
 * dựng", "5. Sở Giáo dục và Đào tạo: Chủ trì …", "1. Sở Khoa học và Công nghệ theo dõi, đôn đốc …") gives that
 * agency its list items as duties. A plan that states its tasks only this way (tasks by agency) gets one task
 * per duty, led by that agency.
 */
final class DutyExtractor {

    private static final Pattern BULLET = Pattern.compile("^(?:[-+•–]|\\(?\\d{1,2}\\)|[a-zđ]\\))\\s*");
    private static final Pattern REQUEST = Pattern.compile("^(Đề nghị|Khuyến khích|Giao|Yêu cầu)\\s*:?\\s*", Pattern.CASE_INSENSITIVE);
    private static final List<String> AGENCY_HEADS = List.of("so ", "uy ban", "ubnd", "cac so", "cong an", "ban ",
            "bao ", "dai ", "hoi ", "lien doan", "lien minh", "doan ", "tinh doan", "thanh doan", "mat tran", "ngan hang",
            "bo chi huy", "cac doanh nghiep", "cac co so", "cac co quan", "cac don vi", "truong", "cac truong", "van phong",
            "thue ", "kho bac", "bao hiem", "vien ", "trung tam", "cuc ", "chi cuc", "hiep hoi", "cac hiep hoi",
            "cac to chuc", "doanh nghiep", "cac tap doan", "tong cong ty", "buu dien", "vien thong");

    private DutyExtractor() {
    }

    static List<Responsibility> extract(String planId, List<Section> outline, Function<String, AgencyMention> mention) {
        List<Responsibility> out = new ArrayList<>();
        for (Section part : PlanParts.organisationParts(outline)) {
            // Prose duties in the part's own text: "- Giao Sở Thông tin và Truyền thông chủ trì, …".
            for (String line : part.text().split("\n")) {
                String l = BULLET.matcher(line.strip()).replaceFirst("").strip();
                String head = REQUEST.matcher(l).replaceFirst("").replaceFirst("^Thủ trưởng\\s+", "");
                if (!head.isEmpty() && looksLikeAgency(head) && Character.isUpperCase(l.charAt(0))) {
                    String agency = subject(head);
                    agency = Character.toUpperCase(agency.charAt(0)) + agency.substring(1);
                    out.add(new Responsibility(planId, mention.apply(agency), part.path(), part.anchor(), List.of(l)));
                }
            }
            for (Section c : part.children()) {
                Responsibility r = fromSection(planId, c, mention);
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static Responsibility fromSection(String planId, Section s, Function<String, AgencyMention> mention) {
        String title = OutlineParser.title(s).strip();
        String head = REQUEST.matcher(title).replaceFirst("");
        String agency;
        List<String> duties = new ArrayList<>();
        int colon = head.indexOf(':');
        if (colon > 0 && colon < 120 && looksLikeAgency(head.substring(0, colon))) {
            agency = head.substring(0, colon).strip();
            String rest = head.substring(colon + 1).strip();
            if (!rest.isEmpty()) {
                duties.add(rest);
            }
        } else if (looksLikeAgency(head) && head.split("\\s+").length <= 16 && !head.endsWith(".")) {
            agency = head.replaceFirst("[:;.]+$", "");
        } else if (looksLikeAgency(head)) {
            // "Sở Khoa học và Công nghệ theo dõi, đôn đốc …": the agency is the sentence's subject.
            agency = subject(head);
            duties.add(head);
        } else {
            return null;
        }
        for (String line : s.text().split("\n")) {
            String l = BULLET.matcher(line.strip()).replaceFirst("").strip();
            if (!l.isEmpty()) {
                duties.add(l);
            }
        }
        for (Section c : s.children()) {
            String t = OutlineParser.title(c);
            duties.add(c.text().isBlank() ? t : t + " " + c.text().replace('\n', ' '));
        }
        if (duties.isEmpty() || agency.isBlank()) {
            return null;
        }
        return new Responsibility(planId, mention.apply(agency), s.path(), s.anchor(), duties);
    }

    static boolean looksLikeAgency(String text) {
        String f = Fold.fold(text);
        return AGENCY_HEADS.stream().anyMatch(f::startsWith);
    }

    /** The words before the first verb-like word: "Sở Khoa học và Công nghệ theo dõi …" → "Sở Khoa học và Công nghệ". */
    private static String subject(String sentence) {
        String[] words = sentence.split("\\s+");
        List<String> verbs = List.of("theo", "chu", "phoi", "to", "trien", "xay", "thuc", "can", "huong", "tham",
                "bo", "chi", "dinh", "tong", "ho", "tuyen", "nghien", "khan", "co", "la", "duoc", "tich", "dam");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String f = Fold.fold(words[i]).replaceAll("[^a-z]", "");
            boolean capital = Character.isUpperCase(words[i].charAt(0));
            // Agency names capitalise their words after the head ("Sở Khoa học"); a lower-case verb ends the name.
            if (i >= 2 && !capital && verbs.contains(f) && !List.of("va", "cac").contains(f)) {
                break;
            }
            b.append(b.isEmpty() ? "" : " ").append(words[i]);
            if (words[i].endsWith(",") || words[i].endsWith(";")) {
                break;
            }
        }
        return b.toString().replaceFirst("[,;:]+$", "");
    }

    /** One task per duty, for a plan whose only assignments are its duties by agency. */
    static List<Task> asTasks(String planId, List<Responsibility> responsibilities) {
        List<Task> tasks = new ArrayList<>();
        for (Responsibility r : responsibilities) {
            int n = 1;
            for (String duty : r.duties()) {
                String id = "t-" + TaskExtractor.slug(r.section()) + "-" + n++;
                tasks.add(new Task(planId, id, r.section(), r.anchor(), "-", r.agency().text(), duty, null,
                        List.of(r.agency()), List.of(), null, null));
            }
        }
        return tasks;
    }
}
