package vn.hoidap.corpus.extract;

import vn.hoidap.corpus.Section;
import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts a plan states about itself, from its opening lines and named parts: number ("Số: 617/KH-UBND"),
 * date ("ngày 01 tháng 12 năm 2025"), issuer ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP"), legal basis (the "Căn cứ …" and
 * "Thực hiện …" paragraphs before the first part), funding ("Kinh phí"), purpose and requirements.
 */
final class FactsExtractor {

    private static final Pattern NUMBER = Pattern.compile("\\bSố\\s*:?\\s*(\\d{1,5}\\s*/\\s*[\\p{Lu}Đ0-9]+(?:-[\\p{Lu}Đ0-9]+)*)");
    private static final Pattern DATE = Pattern.compile("ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})");
    private static final Pattern ISSUER = Pattern.compile("^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\\s+((?:TỈNH|THÀNH PHỐ)\\s+[\\p{Lu}\\s]+?)(?:\\s+CỘNG HÒA.*)?$");
    private static final Pattern BASIS = Pattern.compile("^(Căn cứ|Thực hiện)\\s+(.*)$");

    record Facts(String number, String issueDate, String issuer, List<String> legalBasis, String funding,
                 List<String> purpose, List<String> requirements) {
    }

    private FactsExtractor() {
    }

    static Facts extract(String repaired, List<Section> outline) {
        String[] lines = repaired.split("\n");
        String number = null;
        String date = null;
        String issuer = null;
        List<String> basis = new ArrayList<>();
        int head = Math.min(lines.length, 40);
        for (int i = 0; i < head; i++) {
            String l = lines[i].strip();
            if (Heading.parse(l) != null && Heading.parse(l).kind() == Heading.Kind.ROMAN) {
                break; // the first part: the preamble is over
            }
            Matcher n = NUMBER.matcher(l);
            if (number == null && n.find()) {
                number = n.group(1).replaceAll("\\s+", "");
            }
            Matcher d = DATE.matcher(l);
            if (date == null && d.find() && l.length() < 80) {
                date = String.format("%s-%02d-%02d", d.group(3), Integer.parseInt(d.group(2)), Integer.parseInt(d.group(1)));
            }
            Matcher is = ISSUER.matcher(l);
            if (issuer == null && is.matches()) {
                issuer = "Ủy ban nhân dân " + titleCase(is.group(2).strip());
            }
            Matcher b = BASIS.matcher(l);
            if (b.matches() && l.length() > 20) {
                basis.add(b.group(2).replaceFirst("^Căn cứ\\s+", "").replaceFirst("[;,.]+$", "").strip());
            }
        }
        String funding = null;
        for (Section f : PlanParts.fundingParts(outline)) {
            String text = (f.text() + "\n" + OutlineParser.flatten(f.children()).stream()
                    .map(c -> c.heading() + " " + c.text()).reduce("", (a, b) -> a + "\n" + b)).strip();
            if (!text.isEmpty()) {
                funding = text.replace('\n', ' ').replaceAll("\\s+", " ");
                break;
            }
        }
        return new Facts(number, date, issuer, basis, funding, items(outline, "muc dich"), items(outline, "yeu cau"));
    }

    private static List<String> items(List<Section> outline, String title) {
        List<String> out = new ArrayList<>();
        for (Section s : PlanParts.titled(outline, title)) {
            if (!Fold.fold(OutlineParser.title(s)).equals(title)) {
                continue;
            }
            for (String line : s.text().split("\n")) {
                String l = line.strip().replaceFirst("^[-+•–]\\s*", "");
                if (!l.isEmpty()) {
                    out.add(l);
                }
            }
            for (Section c : s.children()) {
                out.add((OutlineParser.title(c) + " " + c.text().replace('\n', ' ')).strip());
            }
            break;
        }
        return out;
    }

    /** "TỈNH ĐỒNG THÁP" → "tỉnh Đồng Tháp"; "THÀNH PHỐ HÀ NỘI" → "thành phố Hà Nội". */
    static String titleCase(String upper) {
        String lower = upper.toLowerCase(java.util.Locale.ROOT);
        String[] words = lower.split("\\s+");
        StringBuilder b = new StringBuilder();
        boolean kind = true;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            boolean keepLower = i == 0 || (i == 1 && words[0].equals("thành") && w.equals("phố"));
            b.append(i == 0 ? "" : " ").append(keepLower ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return b.toString();
    }
}
