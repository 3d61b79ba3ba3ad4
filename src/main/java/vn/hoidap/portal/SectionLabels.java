package vn.hoidap.portal;

/**
 * Section labels exactly as the answers cite them: "mục II.1.8" for an outline path, "Phụ lục, nhóm II, dòng 3"
 * for an appendix row, so a person reading "mục II.1.8" in an answer finds "Mục II.1.8" on the page.
 */
public final class SectionLabels {

    private SectionLabels() {
    }

    /** "Mục II.1.8", "Phụ lục, nhóm II, dòng 3"; "" for none. A chunk suffix ("II.1#2") is dropped. */
    public static String label(String path) {
        String p = path == null ? null : path.replaceFirst("#\\d+$", "");
        if (p == null || p.isBlank()) {
            return "";
        }
        if (p.startsWith("PL.")) {
            String[] parts = p.split("\\.");
            return parts.length == 3 ? "Phụ lục, nhóm " + parts[1] + ", dòng " + parts[2] : "Phụ lục " + p.substring(3);
        }
        if (p.equals("PL")) {
            return "Phụ lục";
        }
        return "Mục " + p;
    }
}
