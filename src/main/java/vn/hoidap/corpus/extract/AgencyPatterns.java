package vn.hoidap.corpus.extract;

import vn.hoidap.text.Fold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agencies the plans name most, as OCR-tolerant patterns on folded text ("S6 TT&TT", "Sé Thong tin",
 * "So GD&DT", "Cac s6, bim ngau}h"). Used to find agency cells in OCR'd appendix tables and, until the
 * agency directory resolves a mention, to tell whether two mentions name the same body. Not a directory:
 * the canonical list lives in corpus/agencies.yaml.
 */
final class AgencyPatterns {

    record Found(String key, String name, int start, int end) {
    }

    /** {@code capitalised}: the phrase is also common in task text ("các cơ sở giáo dục"), so only a cell that
     * starts with a capital ("Các cơ sở giáo dục") counts. */
    private record Entry(String key, String name, Pattern pattern, boolean capitalised) {
    }

    private static final String SO = "s[a-z0-9&¢@'’]{0,2}\\s?";

    private static final List<Entry> ENTRIES = List.of(
            entry("so-tttt", "Sở Thông tin và Truyền thông",
                    "\\b" + SO + "(thong tin|th\\w{0,3}g tin|tt&\\S{0,3}t|tt&tt)|\\bs\\S{0,2}tt&tt"),
            entry("so-noi-vu", "Sở Nội vụ", "\\b" + SO + "n[a-z0-9]{1,2}i\\s?v[uy]\\b"),
            entry("so-gddt", "Sở Giáo dục và Đào tạo", "\\b" + SO + "(g\\S{0,3}o d[uy]c|gd&\\S{1,3})"),
            entry("so-khdt", "Sở Kế hoạch và Đầu tư", "\\b" + SO + "k\\S{0,2} hoach"),
            entry("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch", "\\b" + SO + "(van hoa|vhtt&dl)"),
            entry("so-ldtbxh", "Sở Lao động - Thương binh và Xã hội", "\\b" + SO + "(l[db]\\b|lao dong|ldtbxh)"),
            entry("so-tai-chinh", "Sở Tài chính", "\\b" + SO + "tai chinh"),
            entry("cac-so-nganh", "Các sở, ban, ngành",
                    "\\bc\\S{0,3}\\s?\\.?s[a-z0-9&@]{0,2}[,;.]? (b\\S{1,4}[,;]? )?n\\S{1,6}"),
            entry("ubnd-huyen", "UBND cấp huyện", "\\bubnd (c\\S{1,2}p )?huy\\S{1,2}n|\\bubnd$"),
            entry("ubnd-xa", "UBND cấp xã", "(huy\\S{1,2}n[,;]? |ubnd )c\\S{1,2}p x\\S{0,2}\\b"),
            entry("dai-ptth", "Đài Phát thanh và Truyền hình", "\\b[dp]ai phat( thanh)?"),
            entry("bao", "Báo", "\\bbao (binh|thanh|dong)\\b"),
            capitalised("co-so-giao-duc", "Các cơ sở giáo dục", "\\bc\\S{0,3} c\\S{0,2} s\\S{0,2} g\\S{1,3}o duc"),
            entry("co-quan-bao-chi", "Các cơ quan báo chí", "\\bc\\S{0,3} co quan bao chi|\\bco quan bao chi"),
            capitalised("to-chuc-doanh-nghiep", "Các tổ chức, doanh nghiệp",
                    "\\bc\\S{0,3} (to|t6|tb) ch\\S{0,3}[,;]? doanh"),
            capitalised("doanh-nghiep", "Các doanh nghiệp", "\\bc\\S{0,3} doanh nghi"));

    private AgencyPatterns() {
    }

    private static Entry entry(String key, String name, String regex) {
        return new Entry(key, name, Pattern.compile(regex), false);
    }

    private static Entry capitalised(String key, String name, String regex) {
        return new Entry(key, name, Pattern.compile(regex), true);
    }

    /** Agencies named in folded {@code text}, left to right, without overlaps. */
    static List<Found> find(String text) {
        String f = fold(text);
        List<Found> all = new ArrayList<>();
        for (Entry e : ENTRIES) {
            Matcher m = e.pattern().matcher(f);
            while (m.find()) {
                if (e.capitalised() && !Character.isUpperCase(text.charAt(m.start()))) {
                    continue;
                }
                all.add(new Found(e.key(), e.name(), m.start(), m.end()));
            }
        }
        all.sort(Comparator.comparingInt(Found::start).thenComparingInt(x -> -(x.end() - x.start())));
        List<Found> out = new ArrayList<>();
        int end = -1;
        for (Found x : all) {
            // "huyén, cap xa" may overlap the UBND cấp huyện match by the word "huyện": keep both when they differ
            if (x.start() >= end || ("ubnd-xa".equals(x.key()) && out.stream().noneMatch(o -> o.key().equals(x.key())
                    && o.start() == x.start()))) {
                out.add(x);
                end = Math.max(end, x.end());
            }
        }
        return out;
    }

    /** The key of the one agency a mention names, or null. */
    static String key(String mention) {
        List<Found> found = find(mention);
        return found.size() == 1 ? found.get(0).key() : null;
    }

    /** Folding that keeps the length of the text, so offsets stay valid. */
    static String fold(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            b.append(ch < 128 ? Character.toLowerCase(ch) : FOLDED.computeIfAbsent(ch, AgencyPatterns::foldChar));
        }
        return b.toString();
    }

    private static final java.util.Map<Character, Character> FOLDED = new java.util.concurrent.ConcurrentHashMap<>();

    private static char foldChar(char ch) {
        String c = Fold.fold(String.valueOf(ch));
        return c.length() == 1 ? c.charAt(0) : ' ';
    }
}
