package vn.hoidap.corpus.extract;

import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits an agency list as written ("Sở Nội vụ, Sở Thông tin và Truyền thông"; "Các sở, ban, ngành; UBND các
 * huyện, thành phố") into mentions. ";" always separates; "," and "và"/"cùng" separate only when what follows
 * starts like an agency ("Sở", "UBND", "Đài", "Báo", "Các cơ sở" …), so "Các sở, ban, ngành" and "Sở Giáo dục
 * và Đào tạo" stay whole. OCR spellings of "Sở" ("S&", "S6", "S¢") count as "Sở".
 */
final class AgencySplitter {

    private static final List<String> PREFIXES = List.of("so", "ubnd", "uy ban", "dai", "pai", "bao", "cuc", "bo",
            "cac so", "cac co so", "cac co quan", "cac don vi", "cac to chuc", "cac doanh nghiep", "cac tap doan",
            "cac truong", "cac hoi", "co so", "cong an", "van phong", "truong", "lien doan", "tinh doan", "hoi",
            "ngan hang", "vien thong", "buu dien", "to chuc", "doanh nghiep", "nguoi dan", "ban chi dao",
            "ban quan ly", "ban dan toc", "thanh doan", "trung tam", "hiep hoi", "lien minh", "mat tran", "bo chi huy",
            "cac hiep hoi");
    private static final Set<String> CONJUNCTIONS = Set.of("va", "cung", "ciing", "cling", "cing", "voi");
    private static final Pattern TRAILING_PUNCT = Pattern.compile("[,;:.()]+$");
    private static final Pattern NOT_KEY = Pattern.compile("[^a-z0-9&]");
    private static final Pattern OCR_CAC = Pattern.compile("^c(?!u)[a-z0-9][cz]$");
    private static final Pattern OCR_SO = Pattern.compile("^s[&6¢0o@éèdbe]?$");

    private AgencySplitter() {
    }

    static List<String> split(String written) {
        List<String> out = new ArrayList<>();
        if (written == null || written.isBlank()) {
            return out;
        }
        String[] tokens = written.strip().split("\\s+");
        String[] keys = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            keys[i] = normalize(tokens[i]);
        }
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            piece.append(piece.isEmpty() ? "" : " ").append(tokens[i]);
            boolean cut = tokens[i].endsWith(";")
                    || (tokens[i].endsWith(",") && startsAgency(tokens, keys, i + 1) && !sharedDeterminer(piece, tokens, keys, i + 1));
            if (!cut && i + 1 < tokens.length && CONJUNCTIONS.contains(keys[i + 1]) && startsAgency(tokens, keys, i + 2)
                    && !tokens[i].endsWith(",")) {
                cut = true;
                i++; // drop the conjunction
            }
            if (cut) {
                add(out, piece.toString());
                piece.setLength(0);
            }
        }
        add(out, piece.toString());
        return out;
    }

    private static void add(List<String> out, String piece) {
        String p = piece.strip().replaceAll("[\\s.,;:]+$", "").replaceFirst("^(và|va)\\s+", "").strip();
        if (!p.isEmpty()) {
            out.add(p);
        }
    }

    /**
     * "các cơ quan, tổ chức có liên quan": a lower-case noun after "Các X," shares its "các" and stays in the
     * same group; "Các sở, ngành, các doanh nghiệp" and "…, UBND …" start new ones.
     */
    private static boolean sharedDeterminer(CharSequence piece, String[] tokens, String[] keys, int next) {
        String first = piece.toString().split("\\s+", 2)[0];
        return "cac".equals(normalize(first)) && next < tokens.length && Character.isLowerCase(tokens[next].charAt(0))
                && !"cac".equals(keys[next]) && !"nhung".equals(keys[next]);
    }

    private static boolean startsAgency(String[] tokens, String[] keys, int from) {
        if (from >= keys.length) {
            return false;
        }
        StringBuilder head = new StringBuilder();
        for (int i = from; i < Math.min(keys.length, from + 3); i++) {
            head.append(i == from ? "" : " ").append(keys[i]);
            String h = head.toString();
            if (h.equals("bao") && (i + 1 >= tokens.length || !Character.isUpperCase(tokens[i + 1].charAt(0)))) {
                return false; // "Báo Đồng Nai" names a paper; "… và Bao tao" is OCR'd "Đào tạo"
            }
            if (PREFIXES.contains(h)) {
                // "Các sở, ban, ngành" must not read "ban" as the start of a new agency: a bare "so"/"bo" needs a
                // following word, which a list tail like "sở," lacks.
                return !(i + 1 >= keys.length && h.length() <= 3);
            }
        }
        return false;
    }

    static String normalize(String token) {
        String f = TRAILING_PUNCT.matcher(Fold.fold(token)).replaceAll("");
        if (OCR_SO.matcher(f).matches()) {
            return "so";
        }
        if (OCR_CAC.matcher(f).matches()) {
            return "cac"; // "céc", "cic", "c4c", "cdc", "caz" (but "cục" is Cục)
        }
        return NOT_KEY.matcher(f).replaceAll("");
    }
}
