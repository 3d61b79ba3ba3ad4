package vn.hoidap.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Repairs the text of a plan as received from PDF extraction or OCR, so that people can read it and the
 * outline can be parsed: NFC and Ð/ð → Đ/đ, doubled bold letters undone, split syllables rejoined
 * ("c huyển" → "chuyển"), page numbers dropped, footnote bodies moved to the end of the body, signature stamps and the "Nơi nhận"
 * list moved out, and hard-wrapped lines joined into one line per paragraph.
 *
 * <p>An appendix ("Phụ lục") is kept line by line after the same cleaning: its lines are table cells that
 * only a table reader can reassemble.
 */
public final class TextRepair {

    private static final Pattern PAGE_NUMBER = Pattern.compile("^\\s*\\d{1,3}\\s*$");
    private static final Pattern FOOTNOTE_BODY = Pattern.compile("^\\d{1,2} \\S+ (là|1a|la) .*");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2002-\\u200B]+");
    private static final Pattern APPENDIX = Pattern.compile("^phu luc\\b.{0,20}$");
    private static final Pattern TRAILING_NON_LETTERS = Pattern.compile("\\P{L}+$");
    private static final Pattern TRAILING_CLOSERS = Pattern.compile("[\\s”\"')\\]]+$");
    private static final Pattern WORD_BREAK = Pattern.compile("[\\s-]+");
    private static final Pattern LEADING_OPENERS = Pattern.compile("^[“\"'(\\[]+");
    private static final Pattern LIST_ITEM = Pattern.compile("^[-+•–]\\s.*");
    private static final Pattern PART = Pattern.compile("^(Phần|Phan|PHẦN|PHAN)\\s+[IVXLl1|]+(\\s.*)?$");
    private static final Pattern ROMAN = Pattern.compile("^(?=[IVXl1|]*[IVX])[IVXl1|]{1,5}\\.\\s.*");
    private static final Pattern NUMBERED = Pattern.compile("^\\d{1,2}(\\.\\d{1,2})*\\.\\s*\\p{L}.*");
    private static final Pattern LETTERED = Pattern.compile("^\\S?\\)\\s.*");

    private static final java.util.Set<String> MID_PHRASE = java.util.Set.of(
            "va", "cua", "cac", "voi", "cho", "ve", "trong", "tai", "theo", "tu", "den", "nhu", "bo", "la");

    private TextRepair() {
    }

    public static RepairedText repair(String raw) {
        String nfc = Fold.nfc(raw).replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>(Arrays.asList(nfc.split("\n", -1)));
        // A Markdown conversion of a web page separates paragraphs by blank lines and wraps lines anywhere
        // (even inside "**I. MỤC\nTIÊU**"); PDF and OCR text end paragraphs where lines stop short.
        boolean converted = MarkdownConversion.looksConverted(lines);
        if (converted) {
            lines = new ArrayList<>(MarkdownConversion.normalize(lines));
        }
        lines = new ArrayList<>(MisencodedLetters.repair(lines));
        DocumentTail tail = new DocumentTail();
        tail.extract(lines);

        List<String> body = new ArrayList<>();
        List<String> footnotes = new ArrayList<>();
        List<String> appendix = new ArrayList<>();
        boolean inAppendix = false;
        boolean inFootnote = false;
        for (String line : lines) {
            String t = cleanLine(line);
            if (!inAppendix && t.length() <= 30 && APPENDIX.matcher(Fold.fold(t)).matches()) {
                inAppendix = true;
            }
            if (inAppendix) {
                if (!t.isEmpty() || converted) {
                    appendix.add(t);
                }
                continue;
            }
            if (t.isEmpty()) {
                inFootnote = false;
                if (converted) {
                    body.add("");
                }
                continue;
            }
            if (FOOTNOTE_BODY.matcher(t).matches()) {
                inFootnote = true;
                // A footnote is content (Thanh Hóa's define STEM and STEAM): it moves to the end of the body.
                footnotes.add("(Chú thích " + t.substring(0, t.indexOf(' ')) + ")" + t.substring(t.indexOf(' ')));
                continue;
            }
            if (inFootnote) {
                footnotes.set(footnotes.size() - 1, footnotes.get(footnotes.size() - 1) + " " + t);
                continue;
            }
            if (PAGE_NUMBER.matcher(t).matches() || isStray(t)) {
                continue;
            }
            body.add(t);
        }
        List<String> paragraphs = converted ? joinBlocks(body) : joinParagraphs(body);
        paragraphs.addAll(footnotes);
        paragraphs.addAll(converted ? joinBlocks(appendix) : appendix);
        return new RepairedText(String.join("\n", paragraphs), tail.recipients(), tail.signer(),
                tail.signatureLines());
    }

    /** One line's local repairs: spaces, doubled letters, split syllables, OCR'd dash bullets. */
    static String cleanLine(String line) {
        String t = SPACES.matcher(line).replaceAll(" ").strip();
        if (t.isEmpty()) {
            return t;
        }
        t = DoubledLetters.undouble(t);
        if (t.startsWith("~ ")) {
            t = "- " + t.substring(2).stripLeading();
        } else if (t.startsWith("_ ")) {
            t = t.substring(2).stripLeading();
        }
        return joinSplitSyllables(t);
    }

    /** "về c huyển đổi" → "về chuyển đổi": a lone onset joins the next token when that makes one syllable. */
    static String joinSplitSyllables(String line) {
        String[] tokens = line.split(" ");
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < tokens.length; i++) {
            String tok = tokens[i];
            if (i + 1 < tokens.length && tok.length() <= 3 && Syllables.isOnsetFragment(tok)
                    && Syllables.isValid(TRAILING_NON_LETTERS.matcher(tokens[i + 1]).replaceAll(""))
                    && Syllables.isValid(TRAILING_NON_LETTERS.matcher(tok + tokens[i + 1]).replaceAll(""))) {
                tok = tok + tokens[++i];
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(tok);
        }
        return out.toString();
    }

    /** OCR debris: a lone letter or bar on its own line ("r", "|"). */
    private static boolean isStray(String t) {
        return t.length() == 1 && !Character.isDigit(t.charAt(0));
    }

    /**
     * Paragraphs of a converted document: blank lines separate them, and inside one every line continues
     * the previous unless it starts a list item, a heading or a table row.
     */
    static List<String> joinBlocks(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder para = null;
        String last = null;
        for (String line : lines) {
            if (line.isEmpty()) {
                if (para != null) {
                    out.add(para.toString());
                }
                para = null;
                last = null;
                continue;
            }
            boolean row = MarkdownConversion.TABLE_ROW.matcher(line).matches();
            if (para != null && !row && !startsBlock(line) && !MarkdownConversion.TABLE_ROW.matcher(last).matches()) {
                para.append(' ').append(line);
            } else {
                if (para != null) {
                    out.add(para.toString());
                }
                para = new StringBuilder(line);
            }
            last = line;
        }
        if (para != null) {
            out.add(para.toString());
        }
        return out;
    }

    static List<String> joinParagraphs(List<String> lines) {
        double longLine = longLineThreshold(lines);
        List<String> out = new ArrayList<>();
        StringBuilder para = null;
        String last = null;
        for (String line : lines) {
            if (para != null && continues(last, line, longLine)) {
                para.append(' ').append(line);
            } else {
                if (para != null) {
                    out.add(para.toString());
                }
                para = new StringBuilder(line);
            }
            last = line;
        }
        if (para != null) {
            out.add(para.toString());
        }
        return out;
    }

    /** A line continues the previous one unless it starts a list item or heading, or the previous one ended. */
    static boolean continues(String previous, String line, double longLine) {
        if (startsBlock(line) || endsSentence(previous) || isCapsHeading(previous) || isCapsHeading(line)) {
            return false;
        }
        String s = LEADING_OPENERS.matcher(line).replaceFirst("");
        if (s.isEmpty()) {
            return true;
        }
        char c = s.charAt(0);
        // Lower case is a continuation; a capital after a line that stopped short starts a new paragraph.
        return Character.isLowerCase(c) || previous.length() >= longLine || endsMidPhrase(previous);
    }

    /** "… phối hợp với" or "… Cục Tin học hóa -Bộ": a line cannot end a paragraph on these. */
    private static boolean endsMidPhrase(String line) {
        String t = line.strip();
        if (t.endsWith(",") || t.endsWith("-") || t.endsWith("–")) {
            return true;
        }
        String[] words = WORD_BREAK.split(Fold.fold(t));
        return words.length > 0 && MID_PHRASE.contains(words[words.length - 1]);
    }

    static boolean startsBlock(String line) {
        return LIST_ITEM.matcher(line).matches() || ROMAN.matcher(line).matches()
                || NUMBERED.matcher(line).matches() || LETTERED.matcher(line).matches()
                || PART.matcher(line).matches() || Fold.fold(line).startsWith("noi nhan");
    }

    private static boolean endsSentence(String line) {
        String t = TRAILING_CLOSERS.matcher(line).replaceAll("");
        return t.endsWith(".") || t.endsWith(":") || t.endsWith("!") || t.endsWith("?");
    }

    /** "KẾ HOẠCH", "NHIEM VU VA GIAI PHAP": a title line stands alone. */
    private static boolean isCapsHeading(String line) {
        long letters = line.codePoints().filter(Character::isLetter).count();
        return letters >= 4 && line.equals(line.toUpperCase(Locale.ROOT));
    }

    /** Hard-wrapped text fills its lines: a line near the usual width was wrapped, a short one ended. */
    private static double longLineThreshold(List<String> lines) {
        int[] lengths = lines.stream().mapToInt(String::length).sorted().toArray();
        if (lengths.length == 0) {
            return Double.MAX_VALUE;
        }
        int median = lengths[lengths.length / 2];
        if (median > 150) {
            return Double.MAX_VALUE; // one paragraph per line already: nothing was wrapped
        }
        return 0.9 * lengths[(int) (lengths.length * 0.9)];
    }
}
