package vn.hoidap.insights;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A span's months plus its added days minus its subtracted days count every day of the range exactly once and
 * no other day, for every range of up to two years starting in 2024 (leap February included); and the
 * question-key part splits the range at the first open day.
 */
class SpanTest {

    @Test
    void monthsPlusAndMinusDaysAreExactlyTheRange() {
        ZonedDateTime now = ZonedDateTime.of(2030, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        int longest = 0;
        for (LocalDate from = LocalDate.of(2024, 1, 1); from.isBefore(LocalDate.of(2025, 1, 1)); from = from.plusDays(3)) {
            for (int days = 1; days <= 731; days += 7) {
                LocalDate to = from.plusDays(days - 1);
                Span s = Span.of(new Criteria(from, to, null, null, null), now);
                Map<LocalDate, Integer> weight = new HashMap<>();
                for (LocalDate m = s.monthFrom(); m.isBefore(s.monthTo()); m = m.plusMonths(1)) {
                    for (LocalDate d = m; d.isBefore(m.plusMonths(1)); d = d.plusDays(1)) {
                        weight.merge(d, 1, Integer::sum);
                    }
                }
                add(weight, s.addFrom(), s.addTo(), 1);
                add(weight, s.add2From(), s.add2To(), 1);
                add(weight, s.subFrom(), s.subTo(), -1);
                add(weight, s.sub2From(), s.sub2To(), -1);
                int read = 0;
                for (Map.Entry<LocalDate, Integer> e : weight.entrySet()) {
                    boolean inside = !e.getKey().isBefore(from) && !e.getKey().isAfter(to);
                    assertEquals(inside ? 1 : 0, e.getValue(), from + ".." + to + " " + e.getKey());
                }
                for (int w : weight.values()) {
                    read += w == 0 ? 1 : 0;
                }
                longest = Math.max(longest, read);
                assertEquals(days, weight.values().stream().filter(w -> w == 1).count(), from + ".." + to);
            }
        }
        // Days read twice (in a month and subtracted) stay under a month at each edge.
        assertTrue(longest <= 30, "subtracted days: " + longest);
    }

    @Test
    void questionKeysOfClosedDaysComeFromSegmentsAndTodayAsLogged() {
        ZonedDateTime now = ZonedDateTime.of(2026, 12, 3, 5, 0, 0, 0, ZoneOffset.UTC); // 12:00 in Vietnam
        Span s = Span.of(new Criteria(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 3), null, null, null), now);
        assertEquals(LocalDate.of(2026, 12, 2), s.closedTo());
        assertEquals(LocalDate.of(2026, 12, 3), s.openFrom());
        // Five minutes after midnight in Vietnam the day before is still open (the writer's last batch).
        Span early = Span.of(new Criteria(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 3), null, null, null),
                ZonedDateTime.of(2026, 12, 2, 17, 5, 0, 0, ZoneOffset.UTC));
        assertEquals(LocalDate.of(2026, 12, 2), early.openFrom());
        Span past = Span.of(new Criteria(LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 14), null, null, null), now);
        assertEquals(LocalDate.of(2021, 3, 14), past.closedTo());
        assertTrue(past.openFrom().isAfter(past.to()));
    }

    private static void add(Map<LocalDate, Integer> weight, LocalDate first, LocalDate last, int w) {
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            weight.merge(d, w, Integer::sum);
        }
    }
}
