package vn.hoidap.portal;

import java.util.Arrays;
import java.util.List;

/** Reading the parties of a reporting deadline: "Các sở, ban, ngành; UBND các huyện" names two reporters. */
final class Deadlines {

    private Deadlines() {
    }

    static List<String> parties(String reporter) {
        if (reporter == null || reporter.isBlank()) {
            return List.of();
        }
        return Arrays.stream(reporter.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
