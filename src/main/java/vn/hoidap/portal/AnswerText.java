package vn.hoidap.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The assistant's plain-text answer as blocks a page can mark up: paragraphs and (nested) lists. The assistant
 * writes lists as lines starting with "•", "-", "–", "*" or "1." and nests them by indentation; here they become
 * real list markup, so screen readers announce "list, 5 items" instead of reading bullet characters.
 */
public final class AnswerText {

    private static final Pattern ITEM = Pattern.compile("^(\\s*)(?:[•\\-–*▪◦]|(\\d{1,2})[.)])\\s+(.*)$");
    /** An answer at most this many lines long is shown whole; a longer one opens with its lead only. */
    private static final int SHORT_LINES = 5;
    private static final int LEAD_ITEMS = 3;

    private AnswerText() {
    }

    /** A paragraph ({@code items} empty) or a list ({@code text} null); {@code ordered} for "1." lists. */
    public record Block(String text, boolean ordered, List<Item> items) {
        public boolean isList() {
            return text == null;
        }
    }

    public record Item(String text, List<String> children) {
    }

    /** What is shown first, what is folded below ("Xem đầy đủ"), and how many list entries are folded. */
    public record Shape(List<Block> lead, List<Block> more, int moreCount) {
        public boolean hasMore() {
            return !more.isEmpty();
        }
    }

    public static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        if (text == null) {
            return blocks;
        }
        List<Item> items = null;
        boolean ordered = false;
        int baseIndent = 0;
        for (String raw : text.replace("\r", "").split("\n")) {
            if (raw.isBlank()) {
                continue;
            }
            Matcher m = ITEM.matcher(raw);
            if (m.matches()) {
                int indent = m.group(1).length();
                String content = m.group(3).strip();
                if (items != null && indent > baseIndent && !items.isEmpty()) {
                    Item last = items.remove(items.size() - 1);
                    List<String> children = new ArrayList<>(last.children());
                    children.add(content);
                    items.add(new Item(last.text(), List.copyOf(children)));
                    continue;
                }
                if (items == null) {
                    items = new ArrayList<>();
                    ordered = m.group(2) != null;
                    baseIndent = indent;
                }
                items.add(new Item(content, List.of()));
                continue;
            }
            if (items != null && raw.startsWith("  ") && !items.isEmpty()) {
                // "  … và 3 nhiệm vụ khác." continues the last list item.
                Item last = items.remove(items.size() - 1);
                List<String> children = new ArrayList<>(last.children());
                children.add(raw.strip());
                items.add(new Item(last.text(), List.copyOf(children)));
                continue;
            }
            if (items != null) {
                blocks.add(new Block(null, ordered, List.copyOf(items)));
                items = null;
            }
            blocks.add(new Block(raw.strip(), false, List.of()));
        }
        if (items != null) {
            blocks.add(new Block(null, ordered, List.copyOf(items)));
        }
        return blocks;
    }

    /** The short answer first: paragraphs up to the first list, or the first few items of a leading list. */
    public static Shape shape(String text) {
        List<Block> all = blocks(text);
        if (lines(all) <= SHORT_LINES) {
            return new Shape(all, List.of(), 0);
        }
        List<Block> lead = new ArrayList<>();
        int i = 0;
        while (i < all.size() && !all.get(i).isList()) {
            lead.add(all.get(i++));
        }
        List<Block> more = new ArrayList<>();
        if (lead.isEmpty()) {
            Block list = all.get(i++);
            int n = Math.min(LEAD_ITEMS, list.items().size());
            lead.add(new Block(null, list.ordered(), list.items().subList(0, n)));
            if (n < list.items().size()) {
                more.add(new Block(null, list.ordered(), list.items().subList(n, list.items().size())));
            }
        } else if (lead.size() > 2) {
            // Paragraphs only: the first two lead, the rest fold.
            more.addAll(lead.subList(2, lead.size()));
            lead = new ArrayList<>(lead.subList(0, 2));
        }
        more.addAll(all.subList(i, all.size()));
        return new Shape(List.copyOf(lead), List.copyOf(more), lines(more));
    }

    private static int lines(List<Block> blocks) {
        int n = 0;
        for (Block b : blocks) {
            if (!b.isList()) {
                n++;
            } else {
                for (Item it : b.items()) {
                    n += 1 + it.children().size();
                }
            }
        }
        return n;
    }
}
