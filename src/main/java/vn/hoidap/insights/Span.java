package vn.hoidap.insights;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * How a range of days is read from the roll-ups.
 * <ul>
 * <li>Counts that add up (channels, provinces, topics, hours, verdicts, totals): the calendar months
 * {@code [monthFrom, monthTo)} from the monthly tables, plus the days {@code [addFrom, addTo]} and
 * {@code [add2From, add2To]}, minus the days {@code [subFrom, subTo]} and {@code [sub2From, sub2To]} from the
 * daily ones. A partial month at an edge is read either as its days in the range or as the whole month less
 * its days outside the range, whichever is fewer days: "the last 365 days" reads thirteen months and a few
 * days. Empty day ranges are {@code (to + 1, to)}.</li>
 * <li>Question keys: the segments of the closed days {@code [from, closedTo]}, the days from
 * {@code openFrom} to {@code to} as they are logged.</li>
 * </ul>
 */
record Span(LocalDate from, LocalDate to, LocalDate monthFrom, LocalDate monthTo, LocalDate addFrom, LocalDate addTo,
            LocalDate add2From, LocalDate add2To, LocalDate subFrom, LocalDate subTo, LocalDate sub2From,
            LocalDate sub2To, LocalDate closedTo, LocalDate openFrom) {

    /**
     * A day is closed once it has ended, plus a grace for the writer's last batch of it (a row of a closed
     * day that arrives later still drops the segments it falls in: see V60).
     */
    static final java.time.Duration GRACE = java.time.Duration.ofMinutes(10);

    static Span of(Criteria c, ZonedDateTime now) {
        LocalDate from = c.from();
        LocalDate to = c.to();
        LocalDate none = to.plusDays(1);
        LocalDate[] add = {none, to, none, to};
        LocalDate[] sub = {none, to, none, to};
        LocalDate startMonth = from.withDayOfMonth(1);
        LocalDate endMonth = to.withDayOfMonth(1);
        LocalDate monthFrom;
        LocalDate monthTo;
        if (startMonth.equals(endMonth)) {
            long inside = to.toEpochDay() - from.toEpochDay() + 1;
            if (inside * 2 <= startMonth.lengthOfMonth()) {
                add[0] = from;
                add[1] = to;
                monthFrom = none;
                monthTo = none;
            } else {
                monthFrom = startMonth;
                monthTo = startMonth.plusMonths(1);
                range(sub, 0, startMonth, from.minusDays(1));
                range(sub, 2, to.plusDays(1), startMonth.plusMonths(1).minusDays(1));
            }
        } else {
            monthFrom = startMonth;
            if (from.getDayOfMonth() > 1) {
                LocalDate startMonthEnd = startMonth.plusMonths(1).minusDays(1);
                if (from.getDayOfMonth() - 1 < startMonthEnd.getDayOfMonth() - from.getDayOfMonth() + 1) {
                    range(sub, 0, startMonth, from.minusDays(1));
                } else {
                    range(add, 0, from, startMonthEnd);
                    monthFrom = startMonth.plusMonths(1);
                }
            }
            monthTo = endMonth.plusMonths(1);
            LocalDate endMonthEnd = monthTo.minusDays(1);
            if (!to.equals(endMonthEnd)) {
                if (endMonthEnd.getDayOfMonth() - to.getDayOfMonth() < to.getDayOfMonth()) {
                    range(sub, 2, to.plusDays(1), endMonthEnd);
                } else {
                    range(add, 2, endMonth, to);
                    monthTo = endMonth;
                }
            }
        }
        LocalDate firstOpen = now.withZoneSameInstant(Criteria.ZONE).minus(GRACE).toLocalDate();
        LocalDate openFrom = firstOpen.isBefore(from) ? from : firstOpen;
        LocalDate closedTo = openFrom.minusDays(1).isAfter(to) ? to : openFrom.minusDays(1);
        return new Span(from, to, monthFrom, monthTo, add[0], add[1], add[2], add[3], sub[0], sub[1], sub[2], sub[3],
                closedTo, openFrom);
    }

    private static void range(LocalDate[] into, int at, LocalDate first, LocalDate last) {
        into[at] = first;
        into[at + 1] = last;
    }
}
