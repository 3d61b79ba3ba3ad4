package vn.hoidap.querylog;

import vn.hoidap.text.Fold;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in a question with placeholders before it is stored (Law 91/2025/QH15):
 * e-mail addresses, Vietnamese phone numbers in their usual spellings, 9- and 12-digit ID numbers,
 * bank-account-like digit runs, house addresses and self-introduced names.
 * <p>
 * What must survive is what the communications team needs to read: document numbers ("146/QĐ-TTg"),
 * years, dates, percentages and grouped figures ("1.000 chuyên gia"). So digits are only taken when they
 * stand alone (no "/" or letter glued to them) and have the length and prefix of a phone or ID number, and
 * grouped figures ("1.000.000") are left alone unless they have a phone number's shape.
 */
public final class Redactor {

    public static final String PHONE = "[SỐ ĐIỆN THOẠI]";
    public static final String ID_NUMBER = "[SỐ CCCD]";
    public static final String EMAIL = "[EMAIL]";
    public static final String BANK_ACCOUNT = "[SỐ TÀI KHOẢN]";
    public static final String ADDRESS = "[ĐỊA CHỈ]";
    public static final String NAME = "[HỌ TÊN]";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "[\\p{L}\\p{N}._%+\\-]+@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)*\\.\\p{L}{2,}", FLAGS);

    // A digit may be followed by one separator (space, dot, dash) before the next digit: 091 234 5678,
    // 091.234.5678, 0912-345-678. Area codes may sit in parentheses: (024) 3825 1234.
    private static final String SEP = "[ .\\-]?";
    private static final String START = "(?<![\\p{L}\\p{N}/.,\\-])";
    private static final String END = "(?![\\p{L}\\p{N}/])(?![.,\\-]\\d)";
    private static final Pattern PHONE_NUMBER = Pattern.compile(START + "(?:"
            // +84 912 345 678, 84912345678, (+84) 912…, +84 (0) 912…: mobile 9 digits, landline 10 after 84
            + "(?:\\(\\+?84\\)|\\+84|84)" + SEP + "(?:\\(0\\)" + SEP + ")?(?:[35789]\\d(?:" + SEP + "\\d){7}"
            + "|\\(?2\\d{1,2}\\)?" + SEP + "\\d(?:" + SEP + "\\d){5,7})"
            // 0912345678, 091 234 5678: mobile, 10 digits
            + "|0[35789]\\d(?:" + SEP + "\\d){7}"
            // 024 3825 1234, (0256) 3822 123: landline, 11 digits
            + "|\\(?02\\d{1,2}\\)?" + SEP + "\\d(?:" + SEP + "\\d){5,7}"
            + ")" + END);

    // Runs of digits with nothing glued on: 9 or 12 → ID card, 8 to 19 → account. A run followed by a
    // currency is an amount, not an account.
    private static final Pattern DIGIT_RUN = Pattern.compile(START + "\\d{8,19}" + END
            + "(?!\\s*(?:đồng|đ\\b|vnđ|vnd|triệu|tỷ|nghìn|ngàn|dong\\b|trieu|ty\\b|nghin|ngan))", FLAGS);

    // A clause ends at sentence punctuation, a new line, or where the person goes on to ask ("thì", ", cho
    // tôi hỏi", "muốn" …); commas inside addresses ("12 ngõ 5, phường X") stay inside.
    private static final String CLAUSE_END = "(?=[.;!?\\n]|\\s+(?:thì|thi|nhưng|nhung|mà|ma|muốn|muon|cần|can|"
            + "có thể|co the|có được|co duoc|được không|duoc khong|làm sao|lam sao|làm thế nào|lam the nao|"
            + "xin|nhờ|nho|vậy|vay|ạ|a)\\b|,\\s*(?:tôi|toi|em|mình|minh|cho|xin|vậy|vay|thì|thi|muốn|muon|"
            + "hỏi|hoi|làm|lam)\\b|$)";
    private static final Pattern HOUSE_ADDRESS = Pattern.compile(
            "(?<![\\p{L}])(số nhà|so nha|nhà số|nha so)(\\s*[:\\-]?\\s*)(.+?)" + CLAUSE_END, FLAGS);
    private static final Pattern STATED_ADDRESS = Pattern.compile(
            "(?<![\\p{L}])(địa chỉ(?: nhà| của tôi| của em| của mình| nhà tôi| nhà em)?(?: là| ở| tại)?|"
            + "dia chi(?: nha| cua toi| cua em| cua minh| nha toi| nha em)?(?: la| o| tai)?)"
            + "(\\s*[:\\-]?\\s*)(.+?)" + CLAUSE_END, FLAGS);
    // "địa chỉ" also introduces e-mail and web addresses and the portal's address; only a clause with a
    // house number or a place word is a home address.
    private static final Pattern LOOKS_LIKE_PLACE = Pattern.compile(
            "\\d|\\b(?:đường|duong|phố|pho|ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet|thôn|thon|xóm|xom|ấp|ap|"
            + "phường|phuong|xã|xa|tổ|to|khu phố|khu pho|quận|quan|huyện|huyen|tỉnh|tinh|thị trấn|thi tran|"
            + "khu|lô|lo|chung cư|chung cu|tầng|tang)\\b", FLAGS);
    private static final Pattern NAME_INTRO = Pattern.compile(
            "(?<![\\p{L}])((?:tôi|toi|em|mình|minh|cháu|chau) tên là|(?:tôi|toi|em|mình|minh|cháu|chau) ten la|"
            + "tên (?:tôi|em|mình|cháu|của tôi|của em) là|ten (?:toi|em|minh|chau|cua toi|cua em) la)(\\s*:?\\s*)", FLAGS);
    private static final Pattern CAPITALISED_WORDS = Pattern.compile("\\p{Lu}\\p{L}*(?:\\s+\\p{Lu}\\p{L}*){0,4}");
    private static final Pattern LOWER_WORDS = Pattern.compile("\\p{L}+(?:\\s+\\p{L}+){0,3}?" + CLAUSE_END
            .replace("|$)", "|,|$)"), FLAGS);

    private Redactor() {
    }

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        // PostgreSQL text cannot hold NUL, and no control character means anything in a question.
        String s = CONTROL.matcher(Fold.nfc(text)).replaceAll(" ");
        // Most questions hold no personal data: a single pass over the characters tells which patterns
        // could match at all (each needs an '@', eight digits, or its cue word), and only those run.
        // Each cue is part of every spelling its pattern accepts (compared on the lower-cased NFC text), so a
        // skipped pattern is one that could not have matched.
        String lower = s.toLowerCase(Locale.ROOT);
        if (s.indexOf('@') >= 0) {
            s = EMAIL_ADDRESS.matcher(s).replaceAll(Matcher.quoteReplacement(EMAIL));
        }
        if (digits(s) >= 8) {
            s = PHONE_NUMBER.matcher(s).replaceAll(Matcher.quoteReplacement(PHONE));
            s = replace(DIGIT_RUN, s, m -> {
                int digits = m.group().length();
                return digits == 9 || digits == 12 ? ID_NUMBER : BANK_ACCOUNT;
            });
        }
        if (lower.contains("nhà") || lower.contains("nha")) {
            s = replace(HOUSE_ADDRESS, s, m -> m.group(1) + m.group(2) + ADDRESS);
        }
        if (lower.contains("địa chỉ") || lower.contains("dia chi")) {
            s = replace(STATED_ADDRESS, s, m -> LOOKS_LIKE_PLACE.matcher(m.group(3)).find()
                    && !m.group(3).contains(EMAIL) ? m.group(1) + m.group(2) + ADDRESS : m.group());
        }
        if (lower.contains("tên") || lower.contains("ten")) {
            s = redactNames(s);
        }
        return s;
    }

    /** Digits of any script, as {@code \\d} counts them under UNICODE_CHARACTER_CLASS. */
    private static int digits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isDigit(cp)) {
                n++;
            }
            i += Character.charCount(cp);
        }
        return n;
    }

    private static String redactNames(String s) {
        Matcher intro = NAME_INTRO.matcher(s);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (intro.find(from)) {
            int nameStart = intro.end();
            Matcher name = CAPITALISED_WORDS.matcher(s).region(nameStart, s.length());
            if (!name.lookingAt()) {
                name = LOWER_WORDS.matcher(s).region(nameStart, s.length());
                if (!name.lookingAt()) {
                    out.append(s, from, nameStart);
                    from = nameStart;
                    continue;
                }
            }
            out.append(s, from, nameStart).append(NAME);
            from = name.end();
        }
        return out.append(s.substring(from)).toString();
    }

    private static String replace(Pattern p, String s, Function<Matcher, String> replacement) {
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
