package vn.hoidap.assistant.intent;

import org.junit.jupiter.api.Test;
import vn.hoidap.corpus.FaqEntry;
import vn.hoidap.corpus.FaqLoader;
import vn.hoidap.text.Fold;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed FAQ corpus: parses, is rich enough to match free phrasing, and invents no contact data. */
class FaqCorpusTest {

    private static final List<FaqEntry> FAQ = FaqLoader.load(Path.of("corpus/faq"));

    /** The topic ids shared with corpus/topics.yaml. */
    private static final Set<String> TOPICS = Set.of("dich-vu-cong-truc-tuyen", "vneid-dinh-danh",
            "thanh-toan-truc-tuyen", "hoc-ky-nang-so", "an-toan-tren-mang", "chu-ky-so", "chuyen-doi-so-la-gi",
            "to-cong-nghe-so-cong-dong", "stem-steam", "chuyen-gia-chuyen-doi-so", "de-an-146",
            "sap-xep-to-chuc-2025", "du-lieu-ca-nhan", "viet-tat", "giao-duc-so", "dao-tao-can-bo",
            "nhiem-vu-co-quan", "muc-tieu-ke-hoach", "thong-tin-ke-hoach", "bao-cao-dinh-ky", "truyen-thong", "khac");

    /** Eight or more digits, possibly split by spaces, dots or dashes: a phone number, not a date or a law. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\d/])\\d(?:[ .\\-]?\\d){7,}");
    private static final Pattern URL = Pattern.compile(
            "(?i)\\bhttps?://\\S+|\\bwww\\.\\S+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:vn|com|net|org|gov|edu|info)\\b");
    private static final Pattern ALLOWED_URL = Pattern.compile("(?i)(?:https?://)?dichvucong\\.gov\\.vn/?");

    @Test
    void hasAtLeastFortyFiveEntriesForCitizensAndStaff() {
        assertTrue(FAQ.size() >= 45, "only " + FAQ.size() + " FAQ entries");
        assertTrue(FAQ.stream().anyMatch(e -> e.audience().equals("citizen")));
        assertTrue(FAQ.stream().anyMatch(e -> e.audience().equals("staff")));
        FAQ.forEach(e -> assertTrue(Set.of("citizen", "staff").contains(e.audience()), e.id() + ": " + e.audience()));
    }

    @Test
    void everyEntryHasThreeAlternatesOneWithoutDiacritics() {
        for (FaqEntry e : FAQ) {
            assertTrue(e.alternates().size() >= 3, e.id() + " has " + e.alternates().size() + " alternates");
            assertTrue(e.alternates().stream().anyMatch(a -> !Fold.hasDiacritics(a)),
                    e.id() + ": no alternate without diacritics");
            assertTrue(Fold.hasDiacritics(e.question()), e.id() + ": the question itself should carry diacritics");
            assertTrue(Fold.hasDiacritics(e.answer()), e.id() + ": the answer should carry diacritics");
        }
    }

    @Test
    void usesOnlyKnownTopicsAndNamesItsBasis() {
        for (FaqEntry e : FAQ) {
            assertTrue(TOPICS.contains(e.topic()), e.id() + ": unknown topic " + e.topic());
            assertTrue(!e.basis().isBlank(), e.id() + ": no basis");
        }
    }

    @Test
    void pointsBasisPlanIdsAtPlansThatExist() {
        for (FaqEntry e : FAQ) {
            if (e.basisPlanId() != null) {
                assertTrue(Files.exists(Path.of("corpus/plans", e.basisPlanId() + ".txt")),
                        e.id() + ": no plan " + e.basisPlanId());
            }
        }
    }

    @Test
    void answersInFourSentencesOrFewer() {
        for (FaqEntry e : FAQ) {
            long sentences = Pattern.compile("[.!?](\\s|$)").matcher(e.answer().strip()).results().count();
            assertTrue(sentences >= 1 && sentences <= 4, e.id() + " has " + sentences + " sentences");
        }
    }

    @Test
    void containsNoPhoneNumbersAndNoUrlsButTheNationalPortal() {
        List<String> problems = new ArrayList<>();
        for (FaqEntry e : FAQ) {
            Stream.concat(Stream.of(e.question(), e.answer(), e.basis()), e.alternates().stream()).forEach(text -> {
                Matcher phone = PHONE.matcher(text);
                while (phone.find()) {
                    problems.add(e.id() + ": phone-like '" + phone.group() + "'");
                }
                Matcher url = URL.matcher(text);
                while (url.find()) {
                    if (!ALLOWED_URL.matcher(url.group()).matches()) {
                        problems.add(e.id() + ": URL '" + url.group() + "'");
                    }
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void detectorsCatchWhatTheyAreMeantToCatch() {
        assertTrue(PHONE.matcher("gọi 0243.7738668").find());
        assertTrue(PHONE.matcher("hotline 1900 1234 56").find());
        assertTrue(!PHONE.matcher("Quyết định 146/QĐ-TTg ngày 28/01/2022, Luật 91/2025/QH15").find());
        assertTrue(URL.matcher("xem tại https://example.vn/x").find());
        assertTrue(URL.matcher("vào dvc.binhdinh.gov.vn").find());
        assertTrue(ALLOWED_URL.matcher("dichvucong.gov.vn").matches());
    }
}
