package vn.hoidap.portal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Dates as Vietnamese readers write them: dd/mm/yyyy, never the ISO form the corpus files use. */
public final class VnDates {

    private static final DateTimeFormatter DD_MM_YYYY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private VnDates() {
    }

    /** "2022-03-03" → "03/03/2022"; anything that is not an ISO date is returned as written; null → null. */
    public static String format(String isoDate) {
        if (isoDate == null || isoDate.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(isoDate.strip()).format(DD_MM_YYYY);
        } catch (DateTimeParseException e) {
            return isoDate;
        }
    }

    public static String format(LocalDate date) {
        return date == null ? null : date.format(DD_MM_YYYY);
    }
}
