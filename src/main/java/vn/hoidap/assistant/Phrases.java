package vn.hoidap.assistant;

import java.util.List;

/** Whole-word phrase matching on a padded folded token string (" ai chu tri to chuc hoi nghi "). */
final class Phrases {

    private Phrases() {
    }

    /** " tok tok tok ": folded tokens of the text, joined by single spaces, padded on both sides. */
    static String padded(String text) {
        return " " + String.join(" ", ContentWords.tokens(text)) + " ";
    }

    static boolean any(String padded, List<String> phrases) {
        return first(padded, phrases) != null;
    }

    static String first(String padded, List<String> phrases) {
        for (String p : phrases) {
            if (padded.contains(" " + p + " ")) {
                return p;
            }
        }
        return null;
    }

    static boolean startsWith(String padded, List<String> phrases) {
        for (String p : phrases) {
            if (padded.startsWith(" " + p + " ")) {
                return true;
            }
        }
        return false;
    }

    static boolean endsWith(String padded, List<String> phrases) {
        for (String p : phrases) {
            if (padded.endsWith(" " + p + " ")) {
                return true;
            }
        }
        return false;
    }
}
