package vn.hoidap.text.restore;

import java.util.regex.Pattern;

/**
 * One piece of a text as the restorer sees it: a syllable-like word, a compound token (document numbers,
 * abbreviations joined by / - &), a number, or the gap between them (spaces and punctuation).
 */
record Piece(String text, Kind kind) {

    enum Kind {
        /** Whitespace and punctuation, copied through unchanged. */
        GAP,
        /** A syllable, possibly OCR-mangled ("S&", "thyc", "s6"): the only kind that gets candidates. */
        WORD,
        /** "146/QD-TTg", "TT&TT", "1.000": parts are mapped to their clean spelling, the rest kept. */
        COMPOUND,
        /** Digits: kept, and seen by the language model as one class. */
        NUMBER
    }

    /** Punctuation that ends a clause: the language model context restarts after it. */
    private static final Pattern BREAK = Pattern.compile("[.:;!?()\\[\\]“”\"…+•-]");

    boolean isSentenceBreak() {
        return kind == Kind.GAP && BREAK.matcher(text).find();
    }

    boolean isToken() {
        return kind != Kind.GAP;
    }
}
