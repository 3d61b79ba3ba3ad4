package vn.hoidap.corpus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoidap.text.Fold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed FAQ corpus audited as data: every basis points at something that exists (a plan section as the
 * document numbers it, or a document listed with its public sources in {@code corpus/faq/SOURCES.md}), issued
 * plans rather than drafts, plan figures named with their plan, today's names beside the 2022 ones, dates as
 * people read them, and no two entries competing for the same phrasing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaqAuditTest {

    private static final Path CORPUS = Path.of("corpus");

    /** "146/QĐ-TTg", "69/2024/NĐ-CP", "53/KH-UBND", "793/BTTTT-THH", "4/2025/TT-VPCP", "22/TTr-STTTT". */
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d/])\\d{1,4}(?:/\\d{4})?/[A-ZĐ][\\p{L}]*(?:-[\\p{L}\\d]+)+"
                    // "91/2025/QH15", "01-KH/BCĐTW", "04-NQ/TU"
                    + "|(?<![\\p{L}\\d/])\\d{1,4}/\\d{4}/QH\\d{2}"
                    + "|(?<![\\p{L}\\d/])\\d{1,4}-[A-Z]{1,4}/[A-ZĐ\\d]+");
    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    /** A day, month and year; the plans' own style "03/6/2020" is written out in full here: "03/06/2020". */
    private static final Pattern DATE = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?![\\d/])");
    private static final Pattern PERCENT = Pattern.compile("\\d+\\s?%");
    /** A basis that names no document, plan, portal or part of this service points at nothing. */
    private static final Pattern NAMED_SOURCE = Pattern.compile("Nghị định|Luật|Quyết định|Nghị quyết|Kế hoạch|Đề án|"
            + "Thông tư|Công văn|Chỉ thị|Thông báo|Bộ Công an|cơ quan công an|dichvucong\\.gov\\.vn|Cổng Dịch vụ công"
            + "|VNPT-CERT|báo |trợ lý");
    private static final Pattern GENERIC_ONLY = Pattern.compile("(?i)^\\s*(kiến thức chung|khuyến cáo chung)[^;]*$");

    /** A 2022 name used as if it were today's must come with the body that holds the role now. */
    private static final Map<Pattern, Pattern> FORMER_NAMES = Map.of(
            Pattern.compile("Thông tin và Truyền thông|TT&TT|TTTT"), Pattern.compile("Khoa học và Công nghệ"),
            Pattern.compile("Lao động - Thương binh|LĐ-TB&XH|LĐTBXH"), Pattern.compile("Nội vụ"),
            Pattern.compile("Kế hoạch và Đầu tư|KH&ĐT"), Pattern.compile("Tài chính"),
            Pattern.compile("cấp huyện|UBND các huyện|UBND huyện|huyện, thị xã"), Pattern.compile("01/07/2025|hai cấp"));

    private List<FaqEntry> faq;
    private Map<String, Plan> plans;
    private Set<String> topics;
    private String sources;

    @BeforeAll
    void load() throws IOException {
        faq = FaqLoader.load(CORPUS.resolve("faq"));
        PlanLoader loader = new PlanLoader(AgencyDirectory.load(CORPUS.resolve("agencies.yaml")));
        plans = loader.loadAll(CORPUS.resolve("plans")).stream().collect(Collectors.toMap(Plan::id, p -> p));
        topics = topicIds();
        sources = Files.readString(CORPUS.resolve("faq/SOURCES.md"), StandardCharsets.UTF_8);
    }

    @Test
    void coversAtLeastOneHundredTwentyQuestionsForCitizensAndStaff() {
        assertTrue(faq.size() >= 120, "only " + faq.size() + " FAQ entries");
        assertTrue(faq.stream().filter(e -> e.audience().equals("staff")).count() >= 10, "too few staff entries");
        for (FaqEntry e : faq) {
            assertTrue(Set.of("citizen", "staff").contains(e.audience()), e.id() + ": audience " + e.audience());
        }
    }

    @Test
    void everyTopicIsOneOfTheTopicsFile() {
        for (FaqEntry e : faq) {
            assertTrue(topics.contains(e.topic()), e.id() + ": unknown topic " + e.topic());
        }
    }

    @Test
    void everyEntryHasThreeToSixPhrasingsTypedBothWays() {
        for (FaqEntry e : faq) {
            int n = e.alternates().size();
            assertTrue(n >= 3 && n <= 6, e.id() + " has " + n + " alternates");
            assertTrue(e.alternates().stream().anyMatch(a -> !Fold.hasDiacritics(a)), e.id() + ": none without diacritics");
            assertTrue(e.alternates().stream().anyMatch(Fold::hasDiacritics), e.id() + ": none with diacritics");
        }
    }

    @Test
    void noTwoPhrasingsAreTheSame() {
        Map<String, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (FaqEntry e : faq) {
            // Within one entry the question typed without diacritics is a wanted alternate; the same words twice
            // with the same diacritics are not.
            Set<String> own = new HashSet<>();
            for (String phrasing : phrasings(e)) {
                String key = key(phrasing);
                if (!own.add(phrasing.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\p{P}\\s]+", " ").strip())) {
                    clashes.add(e.id() + " repeats '" + phrasing + "'");
                }
                String other = owner.putIfAbsent(key, e.id());
                if (other != null && !other.equals(e.id())) {
                    clashes.add(e.id() + " and " + other + " both say '" + phrasing + "'");
                }
            }
        }
        assertEquals(List.of(), clashes);
    }

    @Test
    void everyBasisNamesARealSource() {
        for (FaqEntry e : faq) {
            assertFalse(e.basis().isBlank(), e.id() + ": no basis");
            assertFalse(GENERIC_ONLY.matcher(e.basis()).find(), e.id() + ": a generic basis points at nothing: " + e.basis());
            assertTrue(e.basisPlanId() != null || NAMED_SOURCE.matcher(e.basis()).find(),
                    e.id() + ": the basis names no plan, document or portal: " + e.basis());
            assertTrue(e.basis().length() <= 300, e.id() + ": the basis is cut when shown (over 300 characters)");
        }
    }

    @Test
    void basisPlansExistAndDraftsAreCitedOnlyAsDrafts() {
        for (FaqEntry e : faq) {
            if (e.basisPlanId() == null) {
                assertTrue(e.basisSection() == null, e.id() + ": a section without a plan");
                continue;
            }
            Plan plan = plans.get(e.basisPlanId());
            assertTrue(plan != null, e.id() + ": no plan " + e.basisPlanId());
            if (plan.meta().isDraft()) {
                // The issued plan is the truth; a draft may only be the subject of an answer about drafts.
                assertTrue(Fold.fold(e.answer()).contains("du thao"), e.id() + " rests on the draft " + plan.id());
            }
        }
    }

    @Test
    void basisSectionsAreSectionsOfThatPlan() {
        List<String> missing = new ArrayList<>();
        for (FaqEntry e : faq) {
            if (e.basisSection() != null && !sectionsOf(plans.get(e.basisPlanId())).contains(e.basisSection())) {
                missing.add(e.id() + ": " + e.basisPlanId() + " has no section " + e.basisSection());
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyDocumentNumberCitedIsListedWithItsSources() {
        List<String> unlisted = new ArrayList<>();
        for (FaqEntry e : faq) {
            for (String text : List.of(e.answer(), e.basis())) {
                Matcher m = DOCUMENT_NUMBER.matcher(text);
                while (m.find()) {
                    if (!sources.contains(m.group())) {
                        unlisted.add(e.id() + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), unlisted);
    }

    @Test
    void datesAreWrittenDayMonthYear() {
        List<String> bad = new ArrayList<>();
        for (FaqEntry e : faq) {
            for (String text : List.of(e.question(), e.answer(), e.basis())) {
                if (ISO_DATE.matcher(text).find()) {
                    bad.add(e.id() + ": ISO date in '" + text + "'");
                }
                Matcher m = DATE.matcher(text);
                while (m.find()) {
                    int day = Integer.parseInt(m.group(1));
                    int month = Integer.parseInt(m.group(2));
                    if (m.group(1).length() != 2 || m.group(2).length() != 2 || day < 1 || day > 31 || month < 1
                            || month > 12) {
                        bad.add(e.id() + ": '" + m.group() + "' is not dd/mm/yyyy");
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void formerNamesComeWithTodaysBody() {
        List<String> bad = new ArrayList<>();
        for (FaqEntry e : faq) {
            FORMER_NAMES.forEach((former, today) -> {
                if (former.matcher(e.answer()).find() && !today.matcher(e.answer()).find()) {
                    bad.add(e.id() + ": names '" + former.pattern() + "' without '" + today.pattern() + "'");
                }
            });
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void aPercentageIsGivenWithThePlanOrDocumentItComesFrom() {
        // One province's target presented as every plan's figure was a real error ("70% người dân" for all plans).
        Set<String> provinces = plans.values().stream().map(p -> p.meta().province()).collect(Collectors.toSet());
        for (FaqEntry e : faq) {
            if (PERCENT.matcher(e.answer()).find()) {
                boolean named = provinces.stream().anyMatch(e.answer()::contains)
                        || DOCUMENT_NUMBER.matcher(e.answer()).find();
                assertTrue(named, e.id() + ": a percentage without the plan or document that sets it");
            }
        }
    }

    @Test
    void detectorsCatchWhatTheyAreMeantToCatch() {
        for (String number : List.of("146/QĐ-TTg", "69/2024/NĐ-CP", "91/2025/QH15", "01-KH/BCĐTW", "4/2025/TT-VPCP",
                "22/TTr-STTTT", "793/BTTTT-THH")) {
            Matcher m = DOCUMENT_NUMBER.matcher("theo " + number + ", ");
            assertTrue(m.find() && m.group().equals(number), number);
        }
        assertFalse(DOCUMENT_NUMBER.matcher("ngày 28/01/2022, 1.000 chuyên gia, 70%").find());
        assertTrue(ISO_DATE.matcher("ban hành 2022-05-04").find());
        Matcher d = DATE.matcher("từ 1/7/2025");
        assertTrue(d.find() && d.group(1).length() == 1, "an unpadded date is seen");
        assertTrue(GENERIC_ONLY.matcher("Khuyến cáo chung về an toàn thông tin").find());
        assertFalse(GENERIC_ONLY.matcher("Khuyến cáo chung; Nghị định 69/2024/NĐ-CP").find());
        assertEquals("co the nop ho so o xa khac", key("Có thể nộp hồ sơ ở xã khác?"));
    }

    private Set<String> sectionsOf(Plan plan) {
        Set<String> out = new HashSet<>();
        collect(plan.outline(), out);
        plan.tasks().forEach(t -> out.add(t.section()));
        plan.targets().forEach(t -> out.add(t.section()));
        plan.deadlines().forEach(d -> out.add(d.section()));
        plan.responsibilities().forEach(r -> out.add(r.section()));
        out.remove(null);
        return out;
    }

    private static void collect(List<Section> sections, Set<String> out) {
        for (Section s : sections) {
            out.add(s.path());
            collect(s.children(), out);
        }
    }

    private static List<String> phrasings(FaqEntry e) {
        return Stream.concat(Stream.of(e.question()), e.alternates().stream()).toList();
    }

    /** Folded, punctuation dropped: "Có thể …?" and "co the …" are one phrasing. */
    private static String key(String phrasing) {
        return Fold.fold(phrasing).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").strip();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> topicIds() {
        Map<String, Object> root = (Map<String, Object>) YamlFiles.read(CORPUS.resolve("topics.yaml"));
        return ((List<Map<String, Object>>) root.get("topics")).stream().map(t -> (String) t.get("id"))
                .collect(Collectors.toSet());
    }
}
