package vn.hoidap.assistant;

import jakarta.inject.Singleton;
import vn.hoidap.corpus.Plan;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Honest absence: whether a text holds the specific a question asks for (a year, a sum of money, a
 * sanction, a person's name), and the reply that says so when it does not — naming the plan(s) and what
 * they set nearest, with {@code fallback} true. Checks run on a unit's precomputed words, not its text.
 */
@Singleton
final class Absence {

    private final List<String> sanctionWords;
    private final List<String> contactWords;

    Absence(AssistantCues cues) {
        this.sanctionWords = cues.specifics().sanction();
        this.contactWords = cues.specifics().contact();
    }

    /** What of the asked specifics none of the texts contains, in words people read; empty when all are there. */
    Optional<String> missing(AskedSpecifics s, boolean checkYear, Coverage.Features... texts) {
        if (checkYear && s.year() != null && !anyHas(texts, String.valueOf(s.year()))) {
            return Optional.of("nội dung cho năm " + s.year());
        }
        if (s.amount() && !hasMoney(texts)) {
            return Optional.of("số tiền cụ thể");
        }
        if (s.sanction() && !hasSanction(texts)) {
            return Optional.of("quy định xử phạt hay chế tài");
        }
        if (s.percent() && !hasPercent(texts)) {
            return Optional.of("tỷ lệ phần trăm bạn hỏi");
        }
        if (s.number() && !hasFigure(texts)) {
            return Optional.of("con số bạn hỏi");
        }
        if (s.contact() && !hasContact(texts)) {
            return Optional.of("số điện thoại hay đường dây liên hệ bạn hỏi");
        }
        if (s.counted() != null && !hasCounted(texts, s.counted())) {
            return Optional.of("con số về «" + s.counted() + "»");
        }
        if (s.person()) {
            // plans name offices, not the people in them (only the signer, whom plan facts answer)
            return Optional.of("tên người bạn hỏi (văn bản chỉ nêu cơ quan, đơn vị)");
        }
        return Optional.empty();
    }

    private static boolean anyHas(Coverage.Features[] texts, String token) {
        for (Coverage.Features f : texts) {
            if (f.folded().contains(token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMoney(Coverage.Features[] texts) {
        for (Coverage.Features f : texts) {
            if (f.money()) {
                return true;
            }
        }
        return false;
    }

    private boolean hasSanction(Coverage.Features[] texts) {
        for (Coverage.Features f : texts) {
            for (String w : sanctionWords) {
                if (f.hasPhrase(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A figure that can answer "số mấy?": two digits or more, and not a year (every task card has one in its
     * timeline, "2022-2025") nor a single-digit item number.
     */
    static boolean hasFigure(Coverage.Features... texts) {
        for (Coverage.Features f : texts) {
            for (String w : f.folded()) {
                if (w.length() >= 2 && Character.isDigit(w.charAt(0)) && Character.isDigit(w.charAt(1))
                        && !isYear(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isYear(String w) {
        return w.length() == 4 && (w.startsWith("19") || w.startsWith("20")) && Character.isDigit(w.charAt(2))
                && Character.isDigit(w.charAt(3));
    }

    /** A phone number or hotline as texts write one: a contact word, then within three words a 3+ digit number. */
    boolean hasContact(Coverage.Features... texts) {
        for (Coverage.Features f : texts) {
            String t = f.foldedText();
            for (String w : contactWords) {
                int at = t.indexOf(" " + w + " ");
                while (at >= 0) {
                    String[] after = t.substring(at + w.length() + 2).strip().split(" ");
                    for (int i = 0; i < Math.min(4, after.length); i++) {
                        if (after[i].length() >= 3 && after[i].chars().allMatch(Character::isDigit)) {
                            return true;
                        }
                    }
                    at = t.indexOf(" " + w + " ", at + 1);
                }
            }
        }
        return false;
    }

    static boolean hasPercent(Coverage.Features... texts) {
        for (Coverage.Features f : texts) {
            if (f.percent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a text speaks of what the question counts: every word of it, in any order ("lớp bồi dưỡng,
     * tập huấn" answers "bao nhiêu lớp tập huấn"), so a figure of something else is not taken for it.
     */
    static boolean hasCounted(Coverage.Features[] texts, String counted) {
        for (Coverage.Features f : texts) {
            boolean all = true;
            for (String w : counted.split(" ")) {
                all &= f.folded().contains(w);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Kế hoạch số … không nêu số tiền cụ thể. Gần nhất, kế hoạch có: …": fallback, the nearest content as
     * context, never as the answer.
     */
    Reply reply(Understanding u, List<Plan> plans, String missing, String nearest, List<Source> sources,
                List<String> suggestions) {
        String names = plans.isEmpty() ? "các kế hoạch hiện có"
                : Wording.join(plans.stream().map(Wording::plan).distinct().toList());
        StringBuilder sb = new StringBuilder("Tôi không tìm thấy ").append(missing).append(" trong ").append(names)
                .append('.');
        if (nearest != null && !nearest.isBlank()) {
            sb.append(" Nội dung gần nhất mà văn bản nêu: ").append(nearest.strip());
        }
        return new Reply(sb.toString(), sources, suggestions, true, 0.8, u.state(), Reply.TOPIC_FROM_QUESTION);
    }
}
