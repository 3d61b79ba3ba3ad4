package vn.hoidap.portal;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The years a task's timeline covers, as the plan page's year filter reads them. */
class TaskYearsTest {

    @Test
    void aRangeCoversEveryYearInIt() {
        assertEquals(List.of(2022, 2023, 2024, 2025), TaskYears.years("Giai đoạn 2022-2025", 2022, 2030));
        assertEquals(List.of(2023, 2024), TaskYears.years("2023 – 2024", 2022, 2025), "an en dash too");
        assertEquals(List.of(2024, 2025), TaskYears.years("2025-2024", 2022, 2025), "reversed");
    }

    @Test
    void namedYearsAreThoseYears() {
        assertEquals(List.of(2023), TaskYears.years("Năm 2023", 2022, 2025));
        assertEquals(List.of(2022, 2024), TaskYears.years("Quý IV/2022 và năm 2024; hoàn thành 2022", 2022, 2025));
    }

    @Test
    void everyYearWordsCoverThePlansYearsWithOrWithoutDiacritics() {
        List<Integer> all = List.of(2022, 2023, 2024, 2025);
        for (String t : List.of("Hàng năm", "Hằng năm", "hang nam", "Thường xuyên", "Mỗi năm một lần", "01 lần/năm",
                Normalizer.normalize("Hằng năm", Normalizer.Form.NFD))) {
            assertEquals(all, TaskYears.years(t, 2022, 2025), t);
        }
    }

    @Test
    void aTimelineNamingNoYearBelongsToNone() {
        assertTrue(TaskYears.years("Theo kế hoạch của Bộ", 2022, 2025).isEmpty());
        assertTrue(TaskYears.years("", 2022, 2025).isEmpty());
        assertTrue(TaskYears.years(null, 2022, 2025).isEmpty());
        assertTrue(TaskYears.years("Trước ngày 15/11", 2022, 2025).isEmpty(), "a day and month is not a year");
        assertTrue(TaskYears.years("Mã 120255", 2022, 2025).isEmpty(), "digits inside a longer number are not a year");
    }

    @Test
    void anAbsurdRangeIsBounded() {
        assertEquals(50, TaskYears.years("1990-2099", 2022, 2025).size());
    }

    @Test
    void thePlansLastYearIsTheLatestYearAnyTimelineNames() {
        assertEquals(2030, TaskYears.lastYear(List.of("2022-2025", "Định hướng đến năm 2030", "Hàng năm"), 2022));
        assertEquals(2022, TaskYears.lastYear(Arrays.asList("Thường xuyên", null), 2022), "at least the first year");
    }
}
