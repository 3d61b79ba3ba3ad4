package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts every Vietnamese administrative plan names in its headings: "Mục tiêu" (targets), "Tổ chức thực
 * hiện" (duties per agency), "Kinh phí" (funding), "Mục đích"/"Yêu cầu". Found by heading wording, at any depth.
 */
final class PlanParts {

    private static final Pattern HORIZON = Pattern.compile("(?:đến|tới) năm (20\\d\\d)|giai đoạn (?:20\\d\\d)\\s*[-–—]\\s*(20\\d\\d)"
            + "|(20\\d\\d)\\s*[-–—]\\s*(20\\d\\d)");

    private PlanParts() {
    }

    static String folded(Section s) {
        return FoldCache.fold(OutlineParser.title(s));
    }

    /** Sections whose heading announces targets ("II. MỤC TIÊU", "2. Mục tiêu cụ thể đến năm 2030"), outermost only. */
    static List<Section> targetParts(List<Section> outline) {
        List<Section> out = new ArrayList<>();
        collect(outline, out, s -> {
            String f = folded(s);
            return (f.startsWith("muc tieu") || f.startsWith("chi tieu") || f.startsWith("cac chi tieu")
                    || (f.contains(", muc tieu") || f.contains(" va muc tieu")) && f.length() < 80)
                    && !f.contains("quan diem") && !s.path().startsWith("PL");
        });
        return out;
    }

    /** "Tổ chức thực hiện", "Phân công nhiệm vụ", "Trách nhiệm thực hiện": where duties per agency are set. */
    static List<Section> organisationParts(List<Section> outline) {
        List<Section> out = new ArrayList<>();
        collect(outline, out, s -> {
            String f = folded(s);
            return f.length() < 60 && (f.startsWith("to chuc thuc hien") || f.startsWith("phan cong")
                    || f.startsWith("trach nhiem") || f.startsWith("giao nhiem vu"));
        });
        return out;
    }

    static List<Section> fundingParts(List<Section> outline) {
        List<Section> out = new ArrayList<>();
        collect(outline, out, s -> {
            String f = folded(s);
            return f.length() < 60 && (f.startsWith("kinh phi") || f.contains("bao dam kinh phi")
                    || f.contains("nguon kinh phi") || f.startsWith("nguon von"));
        });
        return out;
    }

    static List<Section> titled(List<Section> outline, String foldedPrefix) {
        List<Section> out = new ArrayList<>();
        collect(outline, out, s -> {
            String f = folded(s);
            return f.length() < 40 && f.startsWith(foldedPrefix);
        });
        return out;
    }

    private static void collect(List<Section> sections, List<Section> out, java.util.function.Predicate<Section> p) {
        for (Section s : sections) {
            if (p.test(s)) {
                out.add(s);
            } else {
                collect(s.children(), out, p);
            }
        }
    }

    /** The last year a text looks ahead to: "đến năm 2030", "giai đoạn 2026 - 2030"; null when none. */
    static Integer horizon(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = HORIZON.matcher(text);
        Integer best = null;
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null && (g == 1 || g == 2 || g == 4)) {
                    int y = Integer.parseInt(m.group(g));
                    best = best == null ? y : Math.max(best, y);
                }
            }
        }
        return best;
    }
}
