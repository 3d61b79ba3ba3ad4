package vn.hoidap.portal;

/** One step of a page's breadcrumb trail; the last one (the page itself) has no link. */
public record Crumb(String label, String href) {

    public static Crumb here(String label) {
        return new Crumb(label, null);
    }
}
