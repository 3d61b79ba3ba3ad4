package vn.hoidap.assistant;

import vn.hoidap.corpus.Agency;
import vn.hoidap.corpus.AgencyDirectory;
import vn.hoidap.corpus.AgencyMention;
import vn.hoidap.corpus.Anchors;
import vn.hoidap.corpus.Plan;
import vn.hoidap.corpus.PlanMetadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** How plans, sections and agencies are named in replies, so every answerer says them the same way. */
final class Wording {

    private final AgencyDirectory agencies;

    Wording(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    /**
     * Every answer names its plan with number and date: "Kế hoạch số 53/KH-UBND ngày 03/3/2022 của UBND tỉnh
     * Thanh Hóa"; a plan whose document gives no number by its title and date; a draft says it is one.
     */
    static String plan(Plan plan) {
        PlanMetadata m = plan.meta();
        StringBuilder sb = new StringBuilder();
        if (m.isDraft()) {
            sb.append("Dự thảo ").append(m.kind().toLowerCase(java.util.Locale.ROOT));
            if (m.number() != null) {
                sb.append(" số ").append(m.number());
            }
        } else if (m.number() != null) {
            sb.append(m.kind()).append(" số ").append(m.number());
        } else if (m.title() != null && !m.title().isBlank()) {
            sb.append(shorten(m.title(), 160));
        } else {
            sb.append(m.kind());
        }
        if (m.issueDate() != null && !m.isDraft()) {
            sb.append(datePhrase(m.issueDate()));
        }
        sb.append(" của ").append(issuer(m));
        return sb.toString();
    }

    /**
     * " ngày 03/3/2022", or " năm 2022" / " tháng 5/2022" when the document gives only the year or month
     * ("ban hành ngày 2022" reads as a mistake).
     */
    static String datePhrase(String iso) {
        if (iso.matches("\\d{4}")) {
            return " năm " + iso;
        }
        if (iso.matches("\\d{4}-\\d{2}")) {
            return " tháng " + Integer.parseInt(iso.substring(5)) + "/" + iso.substring(0, 4);
        }
        return " ngày " + displayDate(iso);
    }

    /** "UBND tỉnh Thanh Hóa": the issuer as answers name it. */
    static String issuer(PlanMetadata m) {
        String issuer = m.issuer();
        if (issuer == null || issuer.isBlank()) {
            return "tỉnh " + m.province();
        }
        return issuer.strip().replace("Ủy ban nhân dân", "UBND").replace("Uỷ ban nhân dân", "UBND");
    }

    /** "mục II.1.1", or "Phụ lục, nhóm II, dòng 3" for appendix rows. */
    static String section(String path) {
        path = sectionPath(path);
        if (path == null || path.isBlank()) {
            return "";
        }
        if (path.startsWith("PL.")) {
            String[] parts = path.split("\\.");
            if (parts.length == 3) {
                return "Phụ lục, nhóm " + parts[1] + ", dòng " + parts[2];
            }
            return "Phụ lục " + path.substring(3);
        }
        return "mục " + path;
    }

    /** A passage chunk's id ("II.I#2": the second chunk of II.I) names the section it belongs to. */
    static String sectionPath(String path) {
        return path == null ? null : path.replaceFirst("#\\d+$", "");
    }

    static Source source(Plan plan, String sectionPath, String label, String snippet) {
        sectionPath = sectionPath(sectionPath);
        String title = plan(plan) + (sectionPath == null ? "" : ", " + section(sectionPath))
                + (label == null ? "" : ": " + label);
        return new Source(title, plan.id(), sectionPath, Anchors.planUrl(plan.id(), Anchors.of(sectionPath)),
                shorten(snippet, 300));
    }

    /** Agency names joined the Vietnamese way: "A, B và C". */
    String agencies(List<AgencyMention> mentions) {
        List<String> names = new ArrayList<>();
        for (AgencyMention m : mentions) {
            names.add(name(m));
        }
        return join(names);
    }

    String name(AgencyMention m) {
        Agency a = m.agencyId() == null ? null : agencies.byId(m.agencyId()).orElse(null);
        if (a == null) {
            return m.text();
        }
        if (vn.hoidap.text.Fold.fold(a.name()).equals(vn.hoidap.text.Fold.fold(m.text()))) {
            return a.name();
        }
        // Keep the plan's own wording beside the canonical name: staff search for either.
        return a.name() + " (" + m.text() + ")";
    }

    /** Notes on who holds a role now, for every mentioned agency the 2025 reorganisation changed. */
    List<String> successionNotes(List<AgencyMention> mentions) {
        Set<String> notes = new LinkedHashSet<>();
        for (AgencyMention m : mentions) {
            if (m.agencyId() == null) {
                continue;
            }
            agencies.byId(m.agencyId()).ifPresent(a -> {
                Agency.Succession s = a.successor();
                if (s != null) {
                    notes.add(successionNote(a, s));
                }
            });
        }
        return new ArrayList<>(notes);
    }

    static String successionNote(Agency a, Agency.Succession s) {
        StringBuilder sb = new StringBuilder("Lưu ý: ");
        if (s.effective() != null) {
            sb.append("từ ").append(displayDate(s.effective())).append(", ");
        }
        if (s.note() != null) {
            sb.append(s.note());
        } else if (s.name() != null) {
            sb.append("chức năng của ").append(a.name()).append(" nay thuộc ").append(s.name());
        }
        if (s.source() != null) {
            sb.append(" (").append(s.source()).append(")");
        }
        String out = sb.toString().strip();
        return out.endsWith(".") ? out : out + ".";
    }

    /** 2025-03-01 → 01/3/2025; anything else unchanged. */
    static String displayDate(String iso) {
        if (iso != null && iso.matches("\\d{4}-\\d{2}-\\d{2}")) {
            String[] p = iso.split("-");
            return p[2] + "/" + Integer.parseInt(p[1]) + "/" + p[0];
        }
        if (iso != null && iso.matches("\\d{4}-\\d{2}")) {
            String[] p = iso.split("-");
            return "tháng " + Integer.parseInt(p[1]) + "/" + p[0];
        }
        return iso;
    }

    static String join(List<String> items) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(items));
        if (distinct.isEmpty()) {
            return "";
        }
        if (distinct.size() == 1) {
            return distinct.get(0);
        }
        return String.join("; ", distinct.subList(0, distinct.size() - 1)) + " và " + distinct.get(distinct.size() - 1);
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = collapseSpaces(text.strip());
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max - 1);
        return t.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }

    /** Runs of whitespace as one space, without a regular expression (this runs on every answer). */
    static String collapseSpaces(String s) {
        StringBuilder sb = null;
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ws = Character.isWhitespace(c);
            if (ws && (space || c != ' ') && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null && !(ws && space)) {
                sb.append(ws ? ' ' : c);
            }
            space = ws;
        }
        return sb == null ? s : sb.toString();
    }

    static String sentence(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return t;
        }
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '…' ? t : t + ".";
    }
}
