package vn.hoidap.querylog;

import vn.hoidap.text.Fold;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text by which questions count as "the same": folded, punctuation gone, and the polite filler that
 * varies from person to person dropped ("cho em hỏi … ạ?" = "… "). Near-duplicates that still differ are
 * merged later by word similarity.
 */
public final class QuestionKey {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> FILLER = Set.of("a", "ah", "oi", "nhe", "nha", "nhi", "vay", "the", "ad", "admin",
            "ban", "bot", "xin", "cho", "hoi", "em", "toi", "minh", "chau", "voi", "giup", "dum", "gium", "vui", "long",
            "on", "thi", "la", "ko", "khong", "k", "duoc", "dc", "ha", "u");

    private QuestionKey() {
    }

    public static String of(String question) {
        if (question == null) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (String w : NON_WORD.split(Fold.fold(question))) {
            if (!w.isEmpty() && !FILLER.contains(w)) {
                if (key.length() > 0) {
                    key.append(' ');
                }
                key.append(w);
            }
        }
        return key.length() > 500 ? key.substring(0, 500) : key.toString();
    }
}
