package vn.hoidap.corpus.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The agency or agencies a clause of a Vietnamese plan opens with, as its grammatical subject: "Các Sở, ban,
 * ngành, UBND xã, phường và các cơ quan, tổ chức có liên quan căn cứ Kế hoạch …" → "Các Sở, ban, ngành, UBND
 * xã, phường và các cơ quan, tổ chức có liên quan". The name runs until the first verb; a word right after a
 * comma is a list item ("…, tổ chức có liên quan"), not a verb. The forms of address that open such clauses
 * ("Giao", "Đề nghị", "Yêu cầu"; "Thủ trưởng", "Chủ tịch", "Giám đốc" before the body they head) are dropped.
 * Works on OCR text: words are compared folded, and "S&", "Céc" read as "Sở", "Các".
 */
final class AgencySubject {

    /** Heads an agency name starts with (folded, OCR-normalised words). */
    private static final List<String> HEADS = List.of("so ", "uy ban", "ubnd", "cac so", "cong an", "ban ",
            "bao ", "dai ", "hoi ", "lien doan", "lien minh", "doan ", "tinh doan", "thanh doan", "mat tran", "ngan hang",
            "bo chi huy", "cac doanh nghiep", "cac co so", "cac co quan", "cac don vi", "truong ", "cac truong", "van phong",
            "thue ", "kho bac", "bao hiem", "vien ", "trung tam", "cuc ", "chi cuc", "hiep hoi", "cac hiep hoi",
            "cac to chuc", "doanh nghiep", "cac tap doan", "tong cong ty", "buu dien", "vien thong", "uy ban nhan dan",
            "cac ban", "cac hoi", "cac ngan hang", "cac co quan bao chi");
    /** Bodies of the state that a plan's funding part may charge ("Hàng năm, Sở Tài chính cân đối …"). */
    private static final List<String> STATE_HEADS = List.of("so ", "uy ban", "ubnd", "kho bac", "van phong", "cong an",
            "bo ");
    /** "Báo cáo …" opens a clause about a report, not "Báo Đồng Nai". */
    private static final Pattern REPORT = Pattern.compile("b[a-z0-9]{1,2}o c[a-z0-9]{1,2}o\\b");
    private static final Pattern ADDRESS = Pattern.compile(
            "^(?:(?:giao|[dp]\\S{0,2} ngh\\S{0,2}|yeu cau|khuyen khich)\\s*:?\\s+)?"
                    + "(?:(?:thu tr\\S{1,3}ng|ch\\S{1,2} t\\S{0,2}ch|giam d\\S{1,2}c)\\s+)?");
    private static final Pattern TITLE_IN_LIST = Pattern.compile("(?<=[,;]\\s?|\\s(?:va|và)\\s)(?:Thủ trưởng|Chủ tịch|Giám đốc"
            + "|Thu tr\\S{1,3}ng|Ch\\S{1,2} t\\S{0,2}ch|Giam d\\S{1,2}c)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Set<String> VERBS = Set.of("theo", "chu", "phoi", "trien", "xay", "thuc", "can", "huong", "tham",
            "dinh", "tong", "ho", "tuyen", "nghien", "khan", "la", "duoc", "tich", "dam", "uu", "day", "tang", "lam",
            "kiem", "danh", "tiep", "van", "nang", "sap", "chiu", "giup", "ra", "gui", "bao", "phan", "de", "o", "co",
            "to", "ban", "chi", "bo", "cung", "quan", "phat", "tao", "lap", "ap", "don", "huy", "mo", "kip", "tien",
            "truc");

    /** The forms of address are the first words of a clause. */
    private static final int HEAD_CHARS = 60;
    private static final int SUBJECT_CHARS = 300;

    private AgencySubject() {
    }

    /** True when the text starts like an agency name ("Sở …", "UBND …", "S& Giao duc …", "Các cơ quan …"). */
    static boolean startsWithAgency(String text) {
        String head = normalisedHead(text, 4);
        return !REPORT.matcher(head).lookingAt() && HEADS.stream().anyMatch(head::startsWith);
    }

    /** True when the text starts with a body of the state ("Sở Tài chính", "UBND tỉnh", "Kho bạc …"). */
    static boolean startsWithStateBody(String text) {
        String head = normalisedHead(text, 3);
        return STATE_HEADS.stream().anyMatch(head::startsWith) && Character.isUpperCase(text.strip().charAt(0));
    }

    /** The clause without its form of address: "Đề nghị: Hiệp hội …" → "Hiệp hội …". */
    static String withoutAddress(String clause) {
        String c = clause.strip();
        String folded = AgencyPatterns.fold(c.length() > HEAD_CHARS ? c.substring(0, HEAD_CHARS) : c);
        java.util.regex.Matcher m = ADDRESS.matcher(folded);
        if (m.find() && m.end() > 0 && m.end() < c.length()) {
            c = c.substring(m.end()).strip();
        }
        return c;
    }

    /** The agency words the clause opens with, or null when it does not open with an agency. */
    static String of(String clause) {
        String c = withoutAddress(clause);
        if (c.isEmpty() || !startsWithAgency(c)) {
            return null;
        }
        // A subject is a short list of names: the titles in it are looked for near the start only.
        c = c.length() > SUBJECT_CHARS ? TITLE_IN_LIST.matcher(c.substring(0, SUBJECT_CHARS)).replaceAll("")
                + c.substring(SUBJECT_CHARS) : TITLE_IN_LIST.matcher(c).replaceAll("");
        String[] words = c.split("\\s+");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String f = AgencySplitter.normalize(w);
            String next = i + 1 < words.length ? AgencySplitter.normalize(words[i + 1]) : "";
            String previous = i > 0 ? words[i - 1] : "";
            boolean listItem = previous.endsWith(",") || previous.endsWith(";")
                    || List.of("cac", "va", "nhung").contains(AgencySplitter.normalize(previous));
            boolean lower = !w.isEmpty() && Character.isLowerCase(w.charAt(0));
            boolean compound = f.equals("tao") && AgencySplitter.normalize(previous).equals("dao"); // "đào tạo"
            if (i >= 1 && lower && !listItem && !compound && isVerb(f, next)) {
                break;
            }
            String clean = w.replaceFirst("[:]+$", "");
            b.append(b.isEmpty() ? "" : " ").append(clean);
            if (w.endsWith(":") || w.endsWith(".")) {
                break;
            }
        }
        String subject = b.toString().replaceFirst("[,;:.]+$", "").strip();
        return subject.isEmpty() ? null : subject;
    }

    /** Each agency of a subject: "Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh" → two names. */
    static List<String> agencies(String subject) {
        List<String> out = new ArrayList<>();
        if (subject == null) {
            return out;
        }
        for (String a : AgencySplitter.split(TITLE_IN_LIST.matcher(subject).replaceAll(""))) {
            String name = a.strip();
            // a list cut by a line break ("…; cac") leaves a bare determiner, not an agency
            if (!name.isEmpty() && !(name.split("\\s+").length == 1
                    && List.of("cac", "va", "cung", "voi", "nhung").contains(AgencySplitter.normalize(name)))) {
                out.add(Character.toUpperCase(name.charAt(0)) + name.substring(1));
            }
        }
        return out;
    }

    private static boolean isVerb(String word, String next) {
        if (!VERBS.contains(word)) {
            return false;
        }
        return switch (word) {
            case "co" -> !next.equals("lien"); // "có liên quan" belongs to the name, "có trách nhiệm" does not
            case "to" -> !next.equals("quoc"); // "Mặt trận Tổ quốc"
            case "ban" -> next.equals("hanh");
            case "chi" -> next.equals("dao") || next.equals("dinh");
            case "bo" -> next.equals("tri") || next.equals("sung");
            case "quan" -> next.equals("ly");
            case "don" -> next.equals("doc");
            case "truc" -> !next.equals("thuoc"); // "các đơn vị trực thuộc", but "trực tiếp chỉ đạo"
            default -> true;
        };
    }

    /** The first {@code words} words, folded and with OCR forms of "Sở"/"Các" read as such, joined by spaces. */
    private static String normalisedHead(String text, int words) {
        String[] w = text.strip().split("\\s+", words + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(words, w.length); i++) {
            b.append(AgencySplitter.normalize(w[i])).append(' ');
        }
        return b.toString();
    }
}
