package vn.hoidap.insights;

import vn.hoidap.topics.Topic;
import vn.hoidap.topics.TopicCatalog;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The insights behind {@code /api/insights} and the console's dashboard, read through {@link InsightsRepository}
 * from the roll-ups (never from query_log, except the recent comments and the row export). Near-duplicate
 * questions are grouped when they are logged (V60): top questions and unanswered ones rank groups.
 */
@Singleton
class InsightsQueries {

    private static final int RECENT_COMMENTS = 20;
    private static final int EXAMPLES = 5;
    /** Each segment's list read for top questions: this many times the groups asked for (at least 64). */
    private static final int CANDIDATES_PER_GROUP = 4;

    private final InsightsRepository repo;
    private final InsightsMaintenance maintenance;
    private final JdbcOperations jdbc;
    private final TopicCatalog catalog;
    private final Clock clock;

    InsightsQueries(InsightsRepository repo, JdbcOperations jdbc, TopicCatalog catalog,
                    InsightsMaintenance maintenance) {
        this.repo = repo;
        this.maintenance = maintenance;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = Clock.systemUTC();
    }

    private Span span(Criteria c) {
        return Span.of(c, ZonedDateTime.now(clock));
    }

    Reports.Volume volume(Criteria c, String bucket) {
        boolean weeks = "week".equals(bucket);
        // Weeks are summed here from the days: date_trunc('week', …) on every roll-up row costs more than the query.
        Map<LocalDate, long[]> counts = new HashMap<>();
        for (DayVolume d : repo.volume(c.from(), c.to(), c.channel(), c.province(), c.theme())) {
            LocalDate b = weeks ? d.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : d.day();
            long[] n = counts.computeIfAbsent(b, k -> new long[2]);
            n[0] += d.questions();
            n[1] += d.unanswered();
        }
        // Every bucket of the range, zeros included, so a chart shows quiet days as quiet.
        List<Reports.VolumeBucket> buckets = new ArrayList<>();
        LocalDate first = weeks ? c.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : c.from();
        long total = 0;
        long unanswered = 0;
        for (LocalDate d = first; !d.isAfter(c.to()); d = d.plus(1, weeks ? ChronoUnit.WEEKS : ChronoUnit.DAYS)) {
            long[] n = counts.getOrDefault(d, new long[2]);
            buckets.add(new Reports.VolumeBucket(d, n[0], n[1]));
            total += n[0];
            unanswered += n[1];
        }
        return new Reports.Volume(c.from(), c.to(), bucket, total, unanswered, buckets);
    }

    /** Questions and unanswered ones per channel or per province, most first. */
    List<Reports.Count> by(Criteria c, String column) {
        Span s = span(c);
        List<NamedCount> rows = switch (column) {
            case "channel" -> repo.byChannel(s.monthFrom(), s.monthTo(), s.addFrom(), s.addTo(), s.add2From(), s.add2To(), s.subFrom(), s.subTo(),
                s.sub2From(), s.sub2To(), c.channel(), c.province(), c.theme());
            case "province" -> repo.byProvince(s.monthFrom(), s.monthTo(), s.addFrom(), s.addTo(), s.add2From(), s.add2To(), s.subFrom(), s.subTo(),
                s.sub2From(), s.sub2To(), c.channel(), c.province(), c.theme());
            default -> throw new IllegalArgumentException(column);
        };
        return rows.stream().map(r -> new Reports.Count(r.name().isEmpty() ? "Không rõ" : r.name(), r.questions(),
                r.unanswered())).toList();
    }

    /** Questions per hour of the day (Vietnam's time), 0–23, zeros included. */
    long[] hours(Criteria c) {
        Span s = span(c);
        long[] hours = new long[24];
        for (HourCount h : repo.hours(s.monthFrom(), s.monthTo(), s.addFrom(), s.addTo(), s.add2From(), s.add2To(), s.subFrom(), s.subTo(),
                s.sub2From(), s.sub2To(), c.channel(), c.province(), c.theme())) {
            hours[h.hour()] = h.questions();
        }
        return hours;
    }

    /** Questions and unanswered ones in the range: {questions, unanswered}. */
    long[] totals(Criteria c) {
        Span s = span(c);
        RangeTotals t = repo.totals(s.monthFrom(), s.monthTo(), s.addFrom(), s.addTo(), s.add2From(), s.add2To(), s.subFrom(), s.subTo(),
                s.sub2From(), s.sub2To(), c.channel(), c.province(), c.theme());
        return new long[] {t.questions(), t.unanswered()};
    }

    Reports.Topics topics(Criteria c) {
        Span s = span(c);
        Map<String, Map<String, Long>> byTheme = new LinkedHashMap<>();
        long total = 0;
        for (TopicCount t : repo.topics(s.monthFrom(), s.monthTo(), s.addFrom(), s.addTo(), s.add2From(), s.add2To(), s.subFrom(), s.subTo(),
                s.sub2From(), s.sub2To(), c.channel(), c.province(), c.theme())) {
            byTheme.computeIfAbsent(t.theme(), k -> new HashMap<>()).merge(t.topic(), t.questions(), Long::sum);
            total += t.questions();
        }
        return topics(c, byTheme, total);
    }

    private Reports.Topics topics(Criteria c, Map<String, Map<String, Long>> byTheme, long total) {
        List<Reports.ThemeCount> themes = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> e : byTheme.entrySet()) {
            String themeId = e.getKey().isEmpty() ? TopicCatalog.OTHER : e.getKey();
            String themeName = e.getKey().isEmpty() ? "Khác"
                    : catalog.themes().containsKey(themeId) ? catalog.themes().get(themeId).name() : themeId;
            List<Reports.TopicCount> topics = e.getValue().entrySet().stream()
                    .map(t -> new Reports.TopicCount(t.getKey(),
                            catalog.topic(t.getKey()).map(Topic::name).orElse(t.getKey()), t.getValue(),
                            share(t.getValue(), total)))
                    .sorted(Comparator.comparingLong(Reports.TopicCount::count).reversed()
                            .thenComparing(Reports.TopicCount::id))
                    .toList();
            long n = topics.stream().mapToLong(Reports.TopicCount::count).sum();
            themes.add(new Reports.ThemeCount(themeId, themeName, n, share(n, total), topics));
        }
        themes.sort(Comparator.comparingLong(Reports.ThemeCount::count).reversed().thenComparing(Reports.ThemeCount::id));
        return new Reports.Topics(c.from(), c.to(), total, themes);
    }

    /** The dashboard's channels, provinces, themes and topics, and verdict counts, from one pass over the roll-ups. */
    record Breakdown(List<Reports.Count> channels, List<Reports.Count> provinces, Reports.Topics topics, long rated,
                     long helpful) {
    }

    Breakdown breakdown(Criteria c) {
        Span s = span(c);
        List<Reports.Count> channels = new ArrayList<>();
        List<Reports.Count> provinces = new ArrayList<>();
        Map<String, Map<String, Long>> byTheme = new LinkedHashMap<>();
        long[] sums = new long[3];
        for (BreakdownRow r : repo.breakdown(s.monthFrom(), s.monthTo(), s.addFrom(), s.addTo(), s.add2From(), s.add2To(), s.subFrom(), s.subTo(),
                s.sub2From(), s.sub2To(), c.channel(), c.province(), c.theme())) {
            if (r.byChannel()) {
                channels.add(new Reports.Count(r.channel(), r.questions(), r.unanswered()));
            } else if (r.byProvince()) {
                provinces.add(new Reports.Count(r.province().isEmpty() ? "Không rõ" : r.province(), r.questions(), r.unanswered()));
            } else {
                byTheme.computeIfAbsent(r.theme(), k -> new HashMap<>()).merge(r.topic(), r.questions(), Long::sum);
                sums[0] += r.questions();
                sums[1] += r.rated();
                sums[2] += r.helpful();
            }
        }
        return new Breakdown(channels, provinces, topics(c, byTheme, sums[0]), sums[1], sums[2]);
    }

    /** The most asked groups of near-duplicates, most first. */
    Reports.Questions topQuestions(Criteria c, int limit) {
        for (int attempt = 0; ; attempt++) {
            Span s = span(c);
            KeyPlan plan = plan(c, s);
            List<GroupCount> groups;
            // The threshold algorithm proves its ranking for almost every range at the first try; when it cannot
            // (many groups with nearly equal counts), longer lists, up to complete ones.
            for (int k = Math.max(64, limit * CANDIDATES_PER_GROUP); ; k *= 8) {
                groups = repo.topGroups(plan.segments(), plan.liveDays(), c.start(), c.endExclusive(), c.channel(),
                        c.province(), c.theme(), k, limit, limit - 1);
                if (groups.isEmpty() || groups.get(0).exact() || k > 1 << 24) {
                    break;
                }
            }
            if (intact(groups, plan, attempt)) {
                return questions(c, plan, groups, false);
            }
        }
    }

    /** The groups last left unanswered, newest first. */
    Reports.Questions unanswered(Criteria c, int limit) {
        for (int attempt = 0; ; attempt++) {
            Span s = span(c);
            KeyPlan plan = plan(c, s);
            List<GroupCount> groups = repo.recentUnansweredGroups(plan.segments(), plan.liveDays(), c.start(),
                    c.endExclusive(), c.channel(), c.province(), c.theme(), limit);
            if (intact(groups, plan, attempt)) {
                return questions(c, plan, groups, true);
            }
        }
    }

    /**
     * The segments a range can read (built by {@link InsightsMaintenance}, never here); when some are missing,
     * the filter combination is recorded for the job to build, and the report reads those days from the
     * daily key counts meanwhile.
     */
    private KeyPlan plan(Criteria c, Span s) {
        String fc = c.channel() == null ? "" : c.channel();
        String fp = c.province() == null ? "" : c.province();
        String ft = c.theme() == null ? "" : c.theme();
        KeyPlan plan = KeyPlan.of(s, s.closedTo().isBefore(s.from()) ? List.of()
                : repo.segments(s.from(), s.closedTo(), fc, fp, ft));
        if (plan.missing()) {
            maintenance.want(fc, fp, ft);
        }
        return plan;
    }

    /**
     * A segment dropped between the plan and the query (a late row, a key changing group, retention) leaves
     * its days uncounted: the report is read again with a fresh plan (a handful of times at most).
     */
    private static boolean intact(List<GroupCount> groups, KeyPlan plan, int attempt) {
        return groups.isEmpty() || groups.get(0).segments() == plan.segmentCount() || attempt >= 5;
    }

    /**
     * The report of some groups: each shown by its most asked key (for unanswered: its most recently
     * unanswered one) in its latest wording, with up to five wordings of its keys and how many keys it has.
     */
    private Reports.Questions questions(Criteria c, KeyPlan plan, List<GroupCount> groups, boolean unanswered) {
        if (groups.isEmpty()) {
            return new Reports.Questions(c.from(), c.to(), 0, List.of());
        }
        Map<Long, List<KeyCount>> keys = new HashMap<>();
        for (KeyCount k : repo.groupKeys(plan.segments(), plan.liveDays(), c.start(), c.endExclusive(), c.channel(),
                c.province(), c.theme(), groups.stream().map(GroupCount::groupId).toList())) {
            if (!unanswered || k.unanswered() > 0) {
                keys.computeIfAbsent(k.groupId(), g -> new ArrayList<>()).add(k);
            }
        }
        Comparator<KeyCount> order = unanswered
                ? Comparator.comparing(KeyCount::lastUnansweredAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(KeyCount::questionKey)
                : Comparator.comparingLong(KeyCount::questions).reversed().thenComparing(KeyCount::questionKey);
        List<Reports.QuestionGroup> out = new ArrayList<>();
        for (GroupCount g : groups) {
            List<KeyCount> members = keys.getOrDefault(g.groupId(), List.of()).stream().sorted(order).toList();
            if (members.isEmpty()) {
                continue;
            }
            KeyCount first = members.get(0);
            List<String> examples = new ArrayList<>();
            Instant last = null;
            for (KeyCount k : members) {
                if (examples.size() < EXAMPLES && k.question() != null && !examples.contains(k.question())) {
                    examples.add(k.question());
                }
                Instant at = unanswered ? k.lastUnansweredAt() : k.lastAt();
                if (at != null && (last == null || at.isAfter(last))) {
                    last = at;
                }
            }
            out.add(new Reports.QuestionGroup(first.question() == null ? first.questionKey() : first.question(),
                    g.count(), members.size(), List.copyOf(examples), first.topic(), last));
        }
        return new Reports.Questions(c.from(), c.to(), groups.get(0).total(), out);
    }

    Reports.Feedback feedback(Criteria c) {
        Span s = span(c);
        List<Reports.FeedbackByTheme> byTheme = new ArrayList<>();
        long[] sums = new long[3];
        for (ThemeFeedback t : repo.feedback(s.monthFrom(), s.monthTo(), s.addFrom(), s.addTo(), s.add2From(), s.add2To(), s.subFrom(), s.subTo(),
                s.sub2From(), s.sub2To(), c.channel(), c.province(), c.theme())) {
            String theme = t.theme().isEmpty() ? TopicCatalog.OTHER : t.theme();
            String name = catalog.themes().containsKey(theme) ? catalog.themes().get(theme).name() : "Khác";
            byTheme.add(new Reports.FeedbackByTheme(theme, name, t.rated(), t.helpful(), t.rated() - t.helpful(),
                    rate(t.helpful(), t.rated())));
            sums[0] += t.questions();
            sums[1] += t.rated();
            sums[2] += t.helpful();
        }
        byTheme.sort(Comparator.comparing(Reports.FeedbackByTheme::theme));
        List<Reports.FeedbackComment> comments = repo.recentComments(c.start(), c.endExclusive(), c.channel(),
                c.province(), c.theme(), RECENT_COMMENTS).stream()
                .map(r -> new Reports.FeedbackComment(r.askedAt(), r.question(), r.comment(), r.helpful())).toList();
        return new Reports.Feedback(c.from(), c.to(), sums[0], sums[1], sums[2], sums[1] - sums[2], rate(sums[2], sums[1]),
                rate(sums[1], sums[0]), byTheme, comments);
    }

    /** Streams the rows of the range, oldest first, at most {@code max}; returns how many there were. */
    int export(Criteria c, int max, RowConsumer each) {
        int[] n = new int[1];
        jdbc.execute((Connection conn) -> {
            try (PreparedStatement ps = conn.prepareStatement(EXPORT)) {
                ps.setFetchSize(1000);
                ps.setTimestamp(1, java.sql.Timestamp.from(c.start()));
                ps.setTimestamp(2, java.sql.Timestamp.from(c.endExclusive()));
                for (int i = 0; i < 3; i++) {
                    String v = i == 0 ? c.channel() : i == 1 ? c.province() : c.theme();
                    ps.setString(3 + 2 * i, v);
                    ps.setString(4 + 2 * i, v);
                }
                ps.setInt(9, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(rs);
                        n[0]++;
                    }
                }
            }
            return null;
        });
        return n[0];
    }

    /** The export streams (up to 200,000 rows by default), so it stays on JDBC with a cursor, not a list of records. */
    private static final String EXPORT = """
            SELECT id, asked_at, channel, province, agency, theme, topic, intent, question, fallback, confidence,
                   top_source, latency_ms, feedback, feedback_comment
            FROM query_log
            WHERE asked_at >= ? AND asked_at < ?
              AND (CAST(? AS TEXT) IS NULL OR channel = ?)
              AND (CAST(? AS TEXT) IS NULL OR province = ?)
              AND (CAST(? AS TEXT) IS NULL OR theme = ?)
            ORDER BY asked_at, id LIMIT ?""";

    interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    private static double share(long n, long total) {
        return total == 0 ? 0 : Math.round(n * 10000.0 / total) / 10000.0;
    }

    private static Double rate(long n, long of) {
        return of == 0 ? null : Math.round(n * 10000.0 / of) / 10000.0;
    }
}
