package vn.hoidap.portal;

import vn.hoidap.corpus.PlanMetadata;

/** One way to name a plan everywhere on the portal: kind, number, date (dd/mm/yyyy), draft marked. */
public final class PlanLabels {

    private PlanLabels() {
    }

    /** "Kế hoạch số 53/KH-UBND ngày 03/03/2022"; "Dự thảo Kế hoạch …"; no number → "Kế hoạch ngày …". */
    public static String label(PlanMetadata m) {
        StringBuilder sb = new StringBuilder();
        if (m.isDraft()) {
            sb.append("Dự thảo ").append(lowerFirst(m.kind()));
        } else {
            sb.append(m.kind());
        }
        if (m.number() != null && !m.number().isBlank()) {
            sb.append(" số ").append(m.number());
        }
        String date = VnDates.format(m.issueDate());
        if (date != null) {
            // A document whose date line is lost may still be known by its year ("2022").
            sb.append(date.matches("\\d{4}") ? " năm " : " ngày ").append(date);
        }
        return sb.toString();
    }

    /** The label with the province: "Kế hoạch số 53/KH-UBND ngày 03/03/2022 của tỉnh Thanh Hóa". */
    public static String withProvince(PlanMetadata m) {
        return label(m) + " của tỉnh " + m.province();
    }

    public static String status(PlanMetadata m) {
        return m.isDraft() ? "Dự thảo" : "Đã ban hành";
    }

    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
