package vn.hoidap.portal;

/**
 * An agency as a plan names it, linked to its page when the directory knows it, with today's name when the
 * 2025 reorganisation moved its role ("Sở Thông tin và Truyền thông" → nay: Sở Khoa học và Công nghệ).
 */
public record AgencyRef(String text, String href, String todayName, String todayHref) {
}
