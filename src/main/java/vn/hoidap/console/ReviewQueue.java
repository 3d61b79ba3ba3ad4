package vn.hoidap.console;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The review queue ("misunderstood" questions): questions of the last {@code days} that got the honest
 * fallback or a 👎, by question key, without the askings a reviewer already decided about, merged into
 * near-duplicate groups (word-set Jaccard ≥ 0.6 against a group's first key), newest and biggest first.
 * Reads query_log's columns as they are; writes nothing there.
 */
@Singleton
final class ReviewQueue {

    static final double SIMILARITY = 0.6;
    private static final int MAX_KEYS = 2000;
    private static final int EXAMPLES = 8;

    @Serdeable
    record Group(String key, List<String> keys, String question, List<String> examples, long count,
                 long unanswered, long notHelpful, Instant lastAskedAt) {

        /** dd/mm/yyyy hh:mm in Vietnam's time, for the page. */
        public String lastAskedVn() {
            return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                    .format(lastAskedAt.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        }
    }

    private record Row(String key, String sample, long count, long unanswered, long notHelpful, Instant last) {
    }

    private final JdbcOperations jdbc;

    ReviewQueue(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<Group> groups(int days, int limit) {
        Instant since = Instant.now().minus(Duration.ofDays(days));
        List<Row> rows = jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    SELECT q.question_key, (array_agg(q.question ORDER BY q.asked_at DESC))[1], count(*),
                           count(*) FILTER (WHERE q.fallback), count(*) FILTER (WHERE q.feedback = false), max(q.asked_at)
                    FROM query_log q
                    WHERE q.asked_at >= ? AND (q.fallback OR q.feedback = false)
                      AND q.question_key IS NOT NULL AND q.question_key <> '' AND q.question IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM review_decision d
                                      WHERE d.question_key = q.question_key AND d.decided_at >= q.asked_at)
                    GROUP BY q.question_key ORDER BY max(q.asked_at) DESC LIMIT ?""")) {
                ps.setTimestamp(1, Timestamp.from(since));
                ps.setInt(2, MAX_KEYS);
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                                rs.getTimestamp(6).toInstant()));
                    }
                }
                return out;
            }
        });
        return group(rows, limit);
    }

    private static List<Group> group(List<Row> rows, int limit) {
        // biggest keys first, so a group is named after its most asked wording
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(Row::count).reversed().thenComparing(Row::last, Comparator.reverseOrder()));
        List<List<Row>> groups = new ArrayList<>();
        List<Set<String>> heads = new ArrayList<>();
        for (Row r : sorted) {
            Set<String> words = new HashSet<>(Arrays.asList(r.key().split(" ")));
            int home = -1;
            for (int i = 0; i < heads.size() && home < 0; i++) {
                if (jaccard(heads.get(i), words) >= SIMILARITY) {
                    home = i;
                }
            }
            if (home < 0) {
                groups.add(new ArrayList<>(List.of(r)));
                heads.add(words);
            } else {
                groups.get(home).add(r);
            }
        }
        List<Group> out = new ArrayList<>();
        for (List<Row> g : groups) {
            List<String> examples = g.stream().map(Row::sample).distinct().limit(EXAMPLES).toList();
            out.add(new Group(g.get(0).key(), g.stream().map(Row::key).toList(), g.get(0).sample(), examples,
                    g.stream().mapToLong(Row::count).sum(), g.stream().mapToLong(Row::unanswered).sum(),
                    g.stream().mapToLong(Row::notHelpful).sum(),
                    g.stream().map(Row::last).max(Comparator.naturalOrder()).orElseThrow()));
        }
        // newest day first, and within a day the biggest group first
        out.sort(Comparator.comparing((Group x) -> x.lastAskedAt().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                .toLocalDate()).reversed().thenComparing(Comparator.comparingLong(Group::count).reversed()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        int common = 0;
        for (String w : a) {
            if (b.contains(w)) {
                common++;
            }
        }
        int union = a.size() + b.size() - common;
        return union == 0 ? 1 : (double) common / union;
    }
}
