package vn.hoidap.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a range's question keys are read: each closed calendar month inside the range from its month
 * segment, each other closed day from its day segment, and every day without a built segment (today, a day
 * the background job has not reached, a filter combination it has not built yet) from query_key_daily. A
 * report never builds a segment: it reads what is there and {@code missing} tells the job what to build.
 * The lists carry a sentinel (segment -1, day 1900-01-01: neither exists) so that no SQL {@code IN} list is
 * empty.
 */
record KeyPlan(List<Long> segments, List<LocalDate> liveDays, boolean missing) {

    static final LocalDate NO_DAY = LocalDate.of(1900, 1, 1);
    static final long NO_SEGMENT = -1;

    static KeyPlan of(Span s, List<KeySegment> built) {
        Map<String, Long> byPeriod = new HashMap<>();
        for (KeySegment k : built) {
            byPeriod.put(k.kind() + k.firstDay(), k.id());
        }
        List<Long> segments = new ArrayList<>();
        List<LocalDate> live = new ArrayList<>();
        segments.add(NO_SEGMENT);
        live.add(NO_DAY);
        boolean missing = false;
        LocalDate d = s.from();
        while (!d.isAfter(s.closedTo())) {
            LocalDate monthEnd = d.withDayOfMonth(d.lengthOfMonth());
            if (d.getDayOfMonth() == 1 && !monthEnd.isAfter(s.closedTo())) {
                Long month = byPeriod.get("m" + d);
                if (month != null) {
                    segments.add(month);
                    d = monthEnd.plusDays(1);
                    continue;
                }
                missing = true;
                // The month's days, from their day segments where those are built.
                for (; !d.isAfter(monthEnd); d = d.plusDays(1)) {
                    missing |= day(byPeriod, d, segments, live);
                }
                continue;
            }
            missing |= day(byPeriod, d, segments, live);
            d = d.plusDays(1);
        }
        for (LocalDate o = s.openFrom(); !o.isAfter(s.to()); o = o.plusDays(1)) {
            live.add(o);
        }
        return new KeyPlan(List.copyOf(segments), List.copyOf(live), missing);
    }

    /** Adds a closed day; true when it has no segment. */
    private static boolean day(Map<String, Long> byPeriod, LocalDate d, List<Long> segments, List<LocalDate> live) {
        Long day = byPeriod.get("d" + d);
        if (day != null) {
            segments.add(day);
            return false;
        }
        live.add(d);
        return true;
    }

    /** How many real segments the plan reads. */
    int segmentCount() {
        return segments.size() - 1;
    }
}
