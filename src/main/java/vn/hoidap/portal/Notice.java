package vn.hoidap.portal;

/**
 * "Today's name" for a 2022 name: {@code formerName} is what the plan says, {@code todayName} who or what it is
 * now, {@code text} the explanation, {@code effective} the date (dd/mm/yyyy), {@code source} the legal basis and
 * {@code href} the page of today's body (or null).
 */
public record Notice(String formerName, String todayName, String text, String effective, String source, String href) {
}
