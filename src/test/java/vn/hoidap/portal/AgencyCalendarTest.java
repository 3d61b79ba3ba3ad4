package vn.hoidap.portal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.FaqLoader;
import vn.hoidap.corpus.Knowledge;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.PlanLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agency's reporting deadlines as an RFC 5545 feed, on the committed corpus's Thanh Hóa 2022 plan. */
class AgencyCalendarTest {

    static final Path CORPUS = Path.of("corpus");
    static final String PLAN = "thanh-hoa-2022";
    static final Instant STAMP = Instant.parse("2026-12-03T08:15:30Z");

    static Knowledge knowledge;
    static Agency agency;
    static int planEnd;

    @BeforeAll
    static void corpus() {
        AgencyDirectory agencies = AgencyDirectory.load(CORPUS.resolve("agencies.yaml"));
        knowledge = new Knowledge(new PlanLoader(agencies).loadAll(CORPUS.resolve("plans")),
                FaqLoader.load(CORPUS.resolve("faq")), agencies, 0);
        agency = agencies.byId("so-noi-vu").orElseThrow();
        Plan plan = knowledge.plan(PLAN).orElseThrow();
        assertEquals("2022-03-03", plan.meta().issueDate(), "precondition: the plan's date");
        planEnd = PlanPage.planEnd(plan, 2022);
    }

    static AgencyPage.Due due(String what, String date, String recurrence, int index) {
        return new AgencyPage.Due(PLAN, "Kế hoạch số 53/KH-UBND ngày 03/03/2022 của tỉnh Thanh Hóa", "Thanh Hóa", what,
                "Sở Thông tin và Truyền thông", date, recurrence, "trước ngày " + date, "Các sở, ban, ngành",
                "/ke-hoach/" + PLAN + "#s-v-6-c", index);
    }

    static String feed(AgencyPage.Due... dues) {
        return AgencyCalendar.of(agency, List.of(dues), knowledge, "https://hoidap.example.vn", STAMP);
    }

    /** Unfolds the content lines (a CRLF followed by a space continues the previous line). */
    static List<String> lines(String ics) {
        return List.of(ics.replace("\r\n ", "").split("\r\n"));
    }

    static List<String> events(String ics) {
        List<String> out = new ArrayList<>();
        for (String part : ics.replace("\r\n ", "").split("BEGIN:VEVENT\r\n")) {
            if (part.contains("END:VEVENT")) {
                out.add(part.substring(0, part.indexOf("END:VEVENT")));
            }
        }
        return out;
    }

    @Test
    void aYearlyDeadlineIsAYearlyAllDayEventFromThePlansYearToItsLastWithAReminder() {
        String ics = feed(due("báo cáo kết quả triển khai Kế hoạch", "10/12", "hằng năm", 0));
        List<String> lines = lines(ics);
        assertEquals("BEGIN:VCALENDAR", lines.get(0));
        assertEquals("END:VCALENDAR", lines.get(lines.size() - 1));
        assertTrue(lines.contains("VERSION:2.0") && lines.contains("X-WR-CALNAME:Hạn báo cáo — Sở Nội vụ"), ics);
        List<String> events = events(ics);
        assertEquals(1, events.size());
        String e = events.get(0);
        assertTrue(e.contains("DTSTART;VALUE=DATE:20221210\r\n"), e);
        assertTrue(e.contains("DTEND;VALUE=DATE:20221211\r\n"), "an all-day event ends the next day: " + e);
        assertTrue(e.contains("RRULE:FREQ=YEARLY;UNTIL=" + planEnd + "1231\r\n"), e);
        assertTrue(e.contains("UID:" + PLAN + "-bao-cao-0-so-noi-vu@hoidap\r\n"), e);
        assertTrue(e.contains("DTSTAMP:20261203T081530Z\r\n"), "DTSTAMP is when the feed was made: " + e);
        assertTrue(e.contains("URL:https://hoidap.example.vn/ke-hoach/" + PLAN + "#s-v-6-c\r\n"), e);
        assertTrue(e.contains("TRIGGER:-P7D") && e.contains("BEGIN:VALARM") && e.contains("END:VALARM"), e);
    }

    @Test
    void quarterlyAndMonthlyDeadlinesRepeatAsSuch() {
        List<String> events = events(feed(due("báo cáo quý", "15/3", "hằng quý", 1), due("báo cáo tháng", "15/1", "hằng tháng", 2)));
        assertEquals(2, events.size());
        assertTrue(events.get(0).contains("RRULE:FREQ=MONTHLY;INTERVAL=3;UNTIL="), events.get(0));
        assertTrue(events.get(0).contains("DTSTART;VALUE=DATE:20220315"), events.get(0));
        assertTrue(events.get(1).contains("RRULE:FREQ=MONTHLY;UNTIL="), events.get(1));
        assertFalse(events.get(1).contains("INTERVAL"), events.get(1));
    }

    @Test
    void deadlinesWithoutADayAndMonthOrWithAnImpossibleDateOrAnUnknownPlanAreLeftOut() {
        AgencyPage.Due unknownPlan = new AgencyPage.Due("khong-co-ke-hoach", "?", "?", "báo cáo", null, "20/11", "hằng năm",
                "trước ngày 20/11", null, "/ke-hoach/khong-co", 9);
        String ics = feed(due("khi có phát sinh", null, null, 0), due("định kỳ", "định kỳ", null, 1),
                due("ngày không có", "31/02", "hằng năm", 2), unknownPlan, due("một lần", "20/11", null, 3));
        List<String> events = events(ics);
        assertEquals(1, events.size(), ics);
        assertFalse(events.get(0).contains("RRULE"), "a deadline without recurrence happens once");
        assertTrue(events.get(0).contains("DTSTART;VALUE=DATE:20221120"));
    }

    @Test
    void textIsEscapedAndLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        String what = "đánh giá, báo cáo; tổng hợp \\ kết quả\nthực hiện Kế hoạch chuyển đổi số của các cơ quan, đơn vị "
                + "thuộc Ủy ban nhân dân tỉnh Thanh Hóa trong năm";
        String ics = feed(due(what, "20/11", "hàng năm", 0));
        for (String physical : ics.split("\r\n")) {
            assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75, "folded at 75 octets: " + physical);
            assertFalse(physical.isEmpty() || Character.isLowSurrogate(physical.charAt(0)), physical);
        }
        assertTrue(ics.endsWith("\r\n"));
        assertFalse(ics.replace("\r\n", "").contains("\n"), "no bare line feed");
        String summary = lines(ics).stream().filter(l -> l.startsWith("SUMMARY:")).findFirst().orElseThrow();
        assertEquals("SUMMARY:Hạn báo cáo: đánh giá\\, báo cáo\\; tổng hợp \\\\ kết quả\\nthực hiện Kế hoạch chuyển đổi số "
                + "của các cơ quan\\, đơn vị thuộc Ủy ban nhân dân tỉnh Thanh Hóa trong năm", summary);
    }

    @Test
    void noDeadlinesGiveAnEmptyButValidCalendar() {
        List<String> lines = lines(feed());
        assertEquals("BEGIN:VCALENDAR", lines.get(0));
        assertEquals("END:VCALENDAR", lines.get(lines.size() - 1));
        assertFalse(lines.contains("BEGIN:VEVENT"));
    }
}
