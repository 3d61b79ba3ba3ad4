package vn.hoidap.corpus;

import org.junit.jupiter.api.Test;
import vn.hoidap.text.Fold;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The hand-curated sheets of the two OCR'd appendix tables (Thanh Hóa 53/KH-UBND, Bình Phước Đề án 1812/QĐ-UBND):
 * the counts and cells checked by reading the documents, and that every restored field is real Vietnamese —
 * NFC, no OCR debris, every word a well-formed syllable.
 */
class CuratedSheetsBTest {

    private static final Plan THANH_HOA = load("thanh-hoa-2022");
    private static final Plan BINH_PHUOC = load("binh-phuoc-2022");

    private static Plan load(String id) {
        return new PlanLoader(AgencyDirectory.empty()).load(Path.of("corpus/plans/" + id + ".yaml"));
    }

    // ---- structure, as counted in the documents

    @Test
    void thanhHoaAppendixHas26RowsInFourGroups() {
        assertEquals(26, THANH_HOA.tasks().size());
        assertEquals(Map.of("I", 2, "II", 13, "III", 3, "IV", 8), rowsPerGroup(THANH_HOA));
    }

    @Test
    void binhPhuocAppendixHas24RowsInFiveGroups() {
        assertEquals(24, BINH_PHUOC.tasks().size());
        assertEquals(Map.of("I", 6, "II", 7, "III", 3, "IV", 6, "V", 2), rowsPerGroup(BINH_PHUOC));
    }

    @Test
    void everyRowHasLeadTimelineAndAUniqueSectionNumberedInOrder() {
        for (Plan plan : List.of(THANH_HOA, BINH_PHUOC)) {
            Set<String> sections = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (Task t : plan.tasks()) {
                String where = plan.id() + " " + t.section();
                assertTrue(sections.add(t.section()), "duplicate section " + where);
                assertTrue(ids.add(t.id()), "duplicate id " + where);
                assertFalse(t.lead().isEmpty(), "no lead: " + where);
                assertTrue(t.timeline() != null && t.timeline().matches("20[2-3]\\d(-20[2-3]\\d)?"),
                        "timeline of " + where + ": " + t.timeline());
                assertTrue(t.section().matches("PL\\.[IV]+\\.\\d+"), where);
                assertEquals(t.section().substring(t.section().lastIndexOf('.') + 1), t.number(), where);
                assertTrue(t.group() != null && !t.group().isBlank(), where);
            }
            // Rows of each group are numbered 1..n without gaps.
            Map<String, List<Integer>> numbers = new LinkedHashMap<>();
            plan.tasks().forEach(t -> numbers.computeIfAbsent(group(t), g -> new ArrayList<>())
                    .add(Integer.parseInt(t.number())));
            numbers.forEach((g, ns) -> {
                for (int i = 0; i < ns.size(); i++) {
                    assertEquals(i + 1, ns.get(i), plan.id() + " group " + g);
                }
            });
        }
    }

    @Test
    void cellsReadFromTheThanhHoaTable() {
        Task posters = task(THANH_HOA, t -> t.title().contains("pa-nô, áp phích"));
        assertEquals("PL.II.10", posters.section());
        assertTrue(texts(posters.lead()).contains("Sở VHTT&DL"), texts(posters.lead()).toString());
        assertEquals(List.of("Các sở, ban, ngành"), texts(posters.coordinate()));
        assertEquals("2022-2030", posters.timeline());

        Task tvGames = task(THANH_HOA, t -> t.section().equals("PL.II.6"));
        assertEquals(List.of("Đài Phát thanh và Truyền hình tỉnh"), texts(tvGames.lead()));
        assertEquals("2022-2023", task(THANH_HOA, t -> t.section().equals("PL.II.2")).timeline());
        assertEquals(List.of("Sở Nội vụ"), texts(task(THANH_HOA, t -> t.section().equals("PL.III.2")).lead()));
        Task stem = task(THANH_HOA, t -> t.section().equals("PL.IV.2"));
        assertEquals(List.of("Sở GD&ĐT"), texts(stem.lead()));
        assertTrue(stem.title().contains("STEM/STEAM"));
        // Body items were matched to rows: "đ)" of 1.1 covers rows 6–8.
        assertTrue(task(THANH_HOA, t -> t.section().equals("PL.II.8")).description().contains("trò chơi trên truyền hình"));
    }

    @Test
    void cellsReadFromTheBinhPhuocTable() {
        Task exhibitions = task(BINH_PHUOC, t -> t.section().equals("PL.II.6"));
        assertEquals(List.of("Sở Văn hóa, Thể thao và Du lịch"), texts(exhibitions.lead()));
        Task chatbot = task(BINH_PHUOC, t -> t.title().contains("chatbot"));
        assertEquals("PL.II.2", chatbot.section());
        assertEquals(List.of("Sở Thông tin và Truyền thông"), texts(chatbot.lead()));
        assertEquals("2022-2023", chatbot.timeline());
        Task businessPolicy = task(BINH_PHUOC, t -> t.section().equals("PL.I.2"));
        assertEquals(List.of("Sở Kế hoạch và Đầu tư"), texts(businessPolicy.lead()));
        assertEquals("2022", businessPolicy.timeline());
        // The body's own timing is kept in the description when it differs from the appendix.
        Task projects = task(BINH_PHUOC, t -> t.section().equals("PL.IV.4"));
        assertEquals("2022-2025", projects.timeline());
        assertTrue(projects.description().contains("quý IV/2023"));
    }

    @Test
    void targetsCarryTheFiguresOfTheText() {
        assertTarget(THANH_HOA, 2025, "70%", "dịch vụ công trực tuyến");
        assertTarget(THANH_HOA, 2030, "90%", "dịch vụ công trực tuyến");
        assertTarget(THANH_HOA, 2030, "80%", "STEM");
        assertTarget(THANH_HOA, 2025, "50%", "STEM");
        assertTarget(THANH_HOA, 2030, "100", "kỹ sư");
        assertTarget(BINH_PHUOC, 2025, "60%", "dịch vụ công trực tuyến");
        assertTarget(BINH_PHUOC, 2030, "trên 80%", "dịch vụ công trực tuyến");
        assertTarget(BINH_PHUOC, 2025, "tối thiểu 50", "chuyên gia");
        assertTarget(BINH_PHUOC, 2030, "tối thiểu 100", "chuyên gia");
        for (Plan plan : List.of(THANH_HOA, BINH_PHUOC)) {
            for (Target t : plan.targets()) {
                // The figure is printed in the statement, and the section is where the year's list sits.
                String figure = t.figure().replaceFirst("^(trên|tối thiểu) ", "");
                assertTrue(t.statement().contains(figure), plan.id() + ": " + t.statement());
                assertTrue(t.section().endsWith(t.year() == 2025 ? ".a" : ".b"), plan.id() + " " + t.section());
            }
        }
    }

    @Test
    void deadlinesAndResponsibilities() {
        ReportingDeadline yearly = THANH_HOA.deadlines().stream().filter(d -> "10/12".equals(d.date())).findFirst()
                .orElseThrow();
        assertTrue(yearly.recipient().contains("Ban Chỉ đạo chuyển đổi số tỉnh"));
        assertEquals("V.6.c", yearly.section());
        assertTrue(BINH_PHUOC.deadlines().stream().noneMatch(d -> d.date().matches(".*\\d+/\\d+.*")),
                "the Bình Phước Đề án sets no reporting date");

        assertEquals(List.of("V.1", "V.2", "V.3", "V.4", "V.5", "V.6", "V.6", "V.7", "V.8", "V.9"),
                THANH_HOA.responsibilities().stream().map(Responsibility::section).toList());
        assertTrue(THANH_HOA.responsibilities().stream()
                .anyMatch(r -> r.agency().text().equals("Các cơ quan báo chí trên địa bàn tỉnh")));
        assertEquals(List.of("V.1", "V.2", "V.3", "V.4", "V.4"),
                BINH_PHUOC.responsibilities().stream().map(Responsibility::section).toList());
        assertEquals(6, BINH_PHUOC.responsibilities().get(0).duties().size());
        for (Plan plan : List.of(THANH_HOA, BINH_PHUOC)) {
            plan.responsibilities().forEach(r -> assertFalse(r.duties().isEmpty(), r.agency().text()));
        }

        assertTrue(THANH_HOA.meta().facts().legalBasis().stream().anyMatch(s -> s.startsWith("Nghị quyết số 06-NQ/TU")));
        assertTrue(THANH_HOA.meta().facts().funding().contains("nguồn xã hội hóa"));
        assertEquals(11, BINH_PHUOC.meta().facts().legalBasis().size());
        assertTrue(BINH_PHUOC.meta().facts().legalBasis().stream()
                .anyMatch(s -> s.startsWith("Nghị quyết số 04-NQ/TU ngày 18/5/2021")));
    }

    // ---- restored text quality

    /** Folded titles use only letters, digits and ordinary punctuation: no ¢, ¥, §, |, … left by the OCR. */
    private static final Pattern FOLDED_TITLE = Pattern.compile("^[a-z0-9 ,.;:()\\-/%&\"“”'…]+$");
    private static final Pattern OCR_DEBRIS = Pattern.compile("[¢¥§$@€|#~_{}\\[\\]<>=\\\\^`*ﬁﬂ]|S&|Pon vi|\\bSO\\b");
    /** Word pairs that always carry diacritics; found bare, a field was not restored. */
    private static final Pattern UNACCENTED = Pattern.compile("\\b(nhiem vu|thong tin|chuyen doi|ky nang|dao tao"
            + "|nhan luc|co quan|cap huyen|truyen thong|cong nghe|doanh nghiep|ke hoach|giao duc|tinh thanh hoa)\\b");

    @Test
    void titlesFoldToPlainWords() {
        for (Plan plan : List.of(THANH_HOA, BINH_PHUOC)) {
            for (Task t : plan.tasks()) {
                assertTrue(FOLDED_TITLE.matcher(Fold.fold(t.title())).matches(), plan.id() + " " + t.section());
            }
        }
    }

    @Test
    void everyRestoredFieldIsCleanVietnamese() {
        List<String> problems = new ArrayList<>();
        for (Plan plan : List.of(THANH_HOA, BINH_PHUOC)) {
            restoredFields(plan).forEach((where, text) -> problems.addAll(check(plan.id() + " " + where, text)));
            PlanMetadata.PlanFacts f = plan.meta().facts();
            List<String> withAbbreviations = new ArrayList<>(f.recipients());
            withAbbreviations.addAll(f.legalBasis());
            withAbbreviations.add(f.implementsDecision());
            for (String s : withAbbreviations) {
                if (!Normalizer.isNormalized(s, Normalizer.Form.NFC) || OCR_DEBRIS.matcher(s).find()
                        || UNACCENTED.matcher(s.toLowerCase(Locale.ROOT)).find()) {
                    problems.add(plan.id() + " facts: " + s);
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems:\n" + String.join("\n", problems));
        }
    }

    @Test
    void theSyllableCheckRejectsOcrText() {
        // Real lines of the OCR text: the check must catch them, or it proves nothing about the sheets.
        assertFalse(check("ocr", "Don vi chu tri thuc hién: S& Thong tin va Truyén thong").isEmpty());
        assertFalse(check("ocr", "Tuyén truyén truc quan, st dung pa-nd, ap phich").isEmpty());
        assertFalse(check("ocr", "chuyén d6i s6 qudc gia dén nim 2025").isEmpty());
        assertFalse(check("ocr", "Thiết lập các trang trên mạng xã hội cap huyen").isEmpty());
        assertTrue(check("clean", "Tuyên truyền trực quan, sử dụng pa-nô, áp phích, đồ họa thông tin (infographic)")
                .isEmpty());
        assertTrue(check("clean", "Xây dựng quỹ học bổng; khuyến khích giảng viên; giữa các trường; quý IV/2023")
                .isEmpty());
    }

    private static Map<String, String> restoredFields(Plan plan) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Task t : plan.tasks()) {
            String s = t.section();
            fields.put(s + " title", t.title());
            fields.put(s + " group", t.group());
            if (t.description() != null) {
                fields.put(s + " description", t.description());
            }
            fields.put(s + " agencies", String.join("; ", texts(t.lead())) + "; " + String.join("; ", texts(t.coordinate())));
        }
        int i = 0;
        for (Target t : plan.targets()) {
            fields.put("target " + i + " statement", t.statement());
            fields.put("target " + i++ + " subject", t.subject());
        }
        i = 0;
        for (ReportingDeadline d : plan.deadlines()) {
            fields.put("deadline " + i++, String.join("\n", d.reporter(), d.recipient(), d.what(), d.date()));
        }
        for (Responsibility r : plan.responsibilities()) {
            fields.put(r.section() + " " + r.agency().text(), r.agency().text() + "\n" + String.join("\n", r.duties()));
        }
        PlanMetadata.PlanFacts f = plan.meta().facts();
        fields.put("funding", f.funding());
        fields.put("purpose", String.join("\n", f.purpose()));
        fields.put("requirements", String.join("\n", f.requirements()));
        return fields;
    }

    private static List<String> check(String where, String text) {
        List<String> problems = new ArrayList<>();
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            problems.add(where + ": not NFC");
        }
        if (OCR_DEBRIS.matcher(text).find()) {
            problems.add(where + ": OCR debris in «" + text + "»");
        }
        if (UNACCENTED.matcher(text.toLowerCase(Locale.ROOT)).find()) {
            problems.add(where + ": unaccented words in «" + text + "»");
        }
        for (String word : text.split("[^\\p{L}\\p{M}\\d]+")) {
            if (!word.isEmpty() && !Syllables.acceptable(word)) {
                problems.add(where + ": «" + word + "» is not a Vietnamese syllable");
            }
        }
        return problems;
    }

    /**
     * A Vietnamese syllable is onset + rhyme with at most one tone mark, and a stop-final rhyme (-c, -ch, -p, -t)
     * takes only the sắc or nặng tone. OCR output fails this ("chuyén", "cap", "d6i"); restored text passes.
     * Acronyms (two or more capitals: CNTT, UBND, TT&TT, XIII) and a few English words the plans use are exempt.
     */
    static final class Syllables {
        private static final Set<String> FOREIGN = Set.of("infographic", "motion", "graphics", "chatbot", "video",
                "clip", "science", "technology", "engineering", "art");
        private static final String ONSET = "(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?";
        private static final String OPEN_ONLY = "ai|ao|au|âu|ay|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu|iêu|yêu"
                + "|uôi|ươi|ươu|oai|oay|oeo|uây|uya|uyu|uơ";
        private static final String OPEN_OR_CLOSED = "oa|oe|uê|uy|a|e|ê|i|o|ô|ơ|u|ư|y";
        private static final String CLOSED_ONLY = "uyê|iê|yê|uô|ươ|oă|uâ|ă|â|oo";
        private static final Pattern SYLLABLE = Pattern.compile(ONSET + "(?:(?:" + OPEN_ONLY + ")|(?:" + OPEN_OR_CLOSED
                + ")(?:ch|nh|ng|c|m|n|p|t)?|(?:" + CLOSED_ONLY + ")(?:ch|nh|ng|c|m|n|p|t))");
        private static final Pattern STOP_FINAL = Pattern.compile(".*(c|ch|p|t)$");

        static boolean acceptable(String word) {
            if (word.chars().filter(Character::isUpperCase).count() >= 2 || word.chars().anyMatch(Character::isDigit)) {
                return true;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            if (FOREIGN.contains(lower)) {
                return true;
            }
            String nfd = Normalizer.normalize(lower, Normalizer.Form.NFD);
            int tones = 0;
            char tone = 0;
            StringBuilder base = new StringBuilder();
            for (char c : nfd.toCharArray()) {
                if ("\u0300\u0301\u0303\u0309\u0323".indexOf(c) >= 0) {
                    tones++;
                    tone = c;
                } else {
                    base.append(c);
                }
            }
            String plain = Normalizer.normalize(base, Normalizer.Form.NFC);
            if (tones > 1 || !SYLLABLE.matcher(plain).matches()) {
                return false;
            }
            return !STOP_FINAL.matcher(plain).matches() || tone == '\u0301' || tone == '\u0323';
        }
    }

    // ---- helpers

    private static Map<String, Integer> rowsPerGroup(Plan plan) {
        return plan.tasks().stream().collect(Collectors.groupingBy(CuratedSheetsBTest::group,
                Collectors.summingInt(t -> 1)));
    }

    private static String group(Task t) {
        return t.section().split("\\.")[1];
    }

    private static Task task(Plan plan, Predicate<Task> which) {
        List<Task> found = plan.tasks().stream().filter(which).toList();
        assertEquals(1, found.size(), "expected exactly one matching task in " + plan.id());
        return found.get(0);
    }

    private static List<String> texts(List<AgencyMention> mentions) {
        return mentions.stream().map(AgencyMention::text).toList();
    }

    private static void assertTarget(Plan plan, int year, String figure, String subjectPart) {
        assertTrue(plan.targets().stream().anyMatch(t -> t.year() == year && t.figure().equals(figure)
                        && (t.subject() + " " + t.statement()).contains(subjectPart)),
                plan.id() + ": no " + year + " target " + figure + " about " + subjectPart);
    }
}
