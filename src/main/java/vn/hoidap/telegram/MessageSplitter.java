package vn.hoidap.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs a reply into messages of at most {@code limit} characters (Telegram: 4096). Plain text is cut on
 * paragraph boundaries first, then lines, then words, and only as a last resort inside a word; it is
 * escaped piece by piece, so a cut never falls inside an entity like {@code &amp;}. Ready-made HTML pieces
 * (a source link) are never cut. The limit is checked on the HTML source, which is never shorter than the
 * text Telegram counts, so every part is accepted.
 */
final class MessageSplitter {

    private final int limit;
    private final List<String> parts = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();

    MessageSplitter(int limit) {
        this.limit = limit;
    }

    /** Plain text, escaped here; {@code separator} goes before it unless it starts a message. */
    MessageSplitter text(String plain, String separator) {
        String escaped = TelegramHtml.escape(plain);
        if (escaped.length() <= limit) {
            add(escaped, separator);
            return this;
        }
        String[] paragraphs = plain.split("\n\\s*\n");
        if (paragraphs.length > 1) {
            for (int i = 0; i < paragraphs.length; i++) {
                text(paragraphs[i], i == 0 ? separator : "\n\n");
            }
            return this;
        }
        String[] lines = plain.split("\n");
        if (lines.length > 1) {
            for (int i = 0; i < lines.length; i++) {
                text(lines[i], i == 0 ? separator : "\n");
            }
            return this;
        }
        String[] words = plain.split(" ");
        if (words.length > 1) {
            for (int i = 0; i < words.length; i++) {
                text(words[i], i == 0 ? separator : " ");
            }
            return this;
        }
        // One unbroken run longer than a message: cut by code points, a fifth of the limit at a time, since
        // escaping makes a character at most five long.
        int step = Math.max(1, limit / 5);
        int start = 0;
        boolean first = true;
        while (start < plain.length()) {
            int end = plain.offsetByCodePoints(start, Math.min(step, plain.codePointCount(start, plain.length())));
            add(TelegramHtml.escape(plain.substring(start, end)), first ? separator : "");
            first = false;
            start = end;
        }
        return this;
    }

    /** A piece of HTML that must stay whole (shorter than the limit by construction). */
    MessageSplitter html(String piece, String separator) {
        if (piece.length() > limit) {
            throw new IllegalArgumentException("An HTML piece longer than a message: " + piece.length());
        }
        add(piece, separator);
        return this;
    }

    List<String> parts() {
        List<String> all = new ArrayList<>(parts);
        if (!current.toString().isBlank()) {
            all.add(current.toString());
        }
        return all;
    }

    private void add(String piece, String separator) {
        if (piece.isEmpty()) {
            return;
        }
        if (current.isEmpty()) {
            current.append(piece);
        } else if (current.length() + separator.length() + piece.length() <= limit) {
            current.append(separator).append(piece);
        } else {
            flush();
            current.append(piece);
        }
    }

    private void flush() {
        if (!current.toString().isBlank()) {
            parts.add(current.toString());
        }
        current.setLength(0);
    }
}
