package vn.hoidap.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Packs a reply into messages of at most {@code limit} characters (Telegram 4096, Zalo and Messenger 2000).
 * Plain text is cut on paragraph boundaries first, then lines, then words, and only as a last resort inside a
 * word; it is escaped piece by piece with the channel's escaping (Telegram's HTML; none for plain-text
 * channels), so a cut never falls inside an entity like {@code &amp;}. Ready-made pieces (a source link) are
 * never cut. The limit is checked on the escaped text, which is never shorter than what the channel counts.
 */
public final class MessageSplitter {

    /** Escaping makes one character at most this long ({@code &quot;}, {@code &amp;}). */
    private static final int MAX_ESCAPE_GROWTH = 6;

    private final int limit;
    private final UnaryOperator<String> escape;
    private final List<String> parts = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();

    public MessageSplitter(int limit, UnaryOperator<String> escape) {
        if (limit < 2 * MAX_ESCAPE_GROWTH) {
            throw new IllegalArgumentException("limit too small: " + limit);
        }
        this.limit = limit;
        this.escape = escape;
    }

    /** Messages of plain text, nothing escaped. */
    public static MessageSplitter plain(int limit) {
        return new MessageSplitter(limit, UnaryOperator.identity());
    }

    /** Plain text, escaped here; {@code separator} goes before it unless it starts a message. */
    public MessageSplitter text(String plain, String separator) {
        String escaped = escape.apply(plain);
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
        // One unbroken run longer than a message: cut by code points, small enough that escaping cannot
        // push a piece over the limit, and never between the two halves of a surrogate pair.
        int step = Math.max(1, limit / MAX_ESCAPE_GROWTH);
        int start = 0;
        boolean first = true;
        while (start < plain.length()) {
            int end = plain.offsetByCodePoints(start, Math.min(step, plain.codePointCount(start, plain.length())));
            add(escape.apply(plain.substring(start, end)), first ? separator : "");
            first = false;
            start = end;
        }
        return this;
    }

    /** A piece that must stay whole (already escaped, shorter than the limit by construction). */
    public MessageSplitter whole(String piece, String separator) {
        if (piece.length() > limit) {
            throw new IllegalArgumentException("A piece longer than a message: " + piece.length());
        }
        add(piece, separator);
        return this;
    }

    public List<String> parts() {
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
