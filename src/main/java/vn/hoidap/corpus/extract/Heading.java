package vn.hoidap.corpus.extract;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One recognised heading line: its kind (which sets its depth), its key as printed ("II", "1.1", "a", or
 * "" when OCR lost the letter) and its title. OCR variants are accepted: "I11." for III., "1V." for IV.,
 * "Phan |" for Phần I, "@)" for a), "¢)" for c).
 */
record Heading(Kind kind, String key, String title) {

    enum Kind {
        PART(0), APPENDIX(0), ROMAN(1), NUMBERED(2), LETTERED(10);

        final int level;

        Kind(int level) {
            this.level = level;
        }
    }

    private static final Pattern PART = Pattern.compile("^(?:Phần|Phan|PHẦN|PHAN)\\s+([IVXLl1|]+)(?:\\s+(.*))?$");
    private static final Pattern APPENDIX = Pattern.compile("^(?:Phụ lục|Phu luc|PHỤ LỤC|PHU LUC)(?:\\s+(\\S{1,5}))?\\s*$");
    private static final Pattern ROMAN = Pattern.compile("^(?=[IVXl1|]*[IVX])([IVXl1|]{1,5})\\.\\s*(\\S.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2})*)\\.\\s*(\\p{L}.*)$");
    private static final Pattern LETTERED = Pattern.compile("^([\\p{L}@¢])?\\)\\s+(\\S.*)$");
    private static final Pattern VALID_ROMAN = Pattern.compile("^(I{1,3}|IV|VI{0,3}|IX|X{1,2}I{0,3}|XIV|XV)$");

    /** Depth in the outline: a "1.1." sits below "1.", both below "II.", all below "Phần IV". */
    int level() {
        return kind == Kind.NUMBERED ? kind.level + key.split("\\.").length - 1 : kind.level;
    }

    static Heading parse(String line) {
        String t = line.strip();
        Matcher m = PART.matcher(t);
        if (m.matches()) {
            String roman = roman(m.group(1));
            return roman == null ? null : new Heading(Kind.PART, roman, m.group(2) == null ? "" : m.group(2).strip());
        }
        m = APPENDIX.matcher(t);
        if (m.matches()) {
            return new Heading(Kind.APPENDIX, m.group(1) == null ? "" : m.group(1), "");
        }
        m = ROMAN.matcher(t);
        if (m.matches()) {
            String roman = roman(m.group(1));
            return roman == null ? null : new Heading(Kind.ROMAN, roman, m.group(2).strip());
        }
        m = NUMBERED.matcher(t);
        if (m.matches()) {
            return new Heading(Kind.NUMBERED, m.group(1), m.group(2).strip());
        }
        m = LETTERED.matcher(t);
        if (m.matches()) {
            String raw = m.group(1) == null ? "" : m.group(1);
            return new Heading(Kind.LETTERED, raw, m.group(2).strip());
        }
        return null;
    }

    /** OCR reads I as 1, l or |: "I11" → "III", "1V" → "IV", "|" → "I". Null when it is no numeral. */
    static String roman(String raw) {
        String r = raw.replaceAll("[1l|]", "I").toUpperCase(Locale.ROOT);
        return VALID_ROMAN.matcher(r).matches() ? r : null;
    }
}
