package vn.hoidap.insights;

import vn.hoidap.topics.TopicCatalog;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The dashboard's figures for one set of filters, as a plain model for the console's template: volume per
 * day with the trend against the previous period of the same length, channels, provinces, themes and
 * topics, answered vs. fallback, 👍/👎, top questions (near-duplicates grouped), busiest hours. Each view
 * carries its rows so the page shows a table beside every chart.
 */
@Singleton
public final class Dashboard {

    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final InsightsQueries queries;
    private final TopicCatalog catalog;
    private final InsightsConfig config;

    private final ExecutorService executor;

    Dashboard(InsightsQueries queries, TopicCatalog catalog, InsightsConfig config,
              @Named(TaskExecutors.IO) ExecutorService executor) {
        this.queries = queries;
        this.executor = executor;
        this.catalog = catalog;
        this.config = config;
    }

    /** Throws {@link IllegalArgumentException} with a Vietnamese message for bad filters. */
    public Map<String, Object> model(String from, String to, String channel, String province, String theme) {
        Criteria c;
        try {
            c = Criteria.parse(from, to, channel, province, theme, catalog.themes(), config.maxRangeDays());
        } catch (InvalidInsightsRequest e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        long days = ChronoUnit.DAYS.between(c.from(), c.to()) + 1;
        Criteria previous = new Criteria(c.from().minusDays(days), c.from().minusDays(1), c.channel(), c.province(),
                c.theme());
        // Five independent queries, each on its own pooled connection: the page waits for the slowest, not the sum.
        CompletableFuture<Reports.Volume> volumeF = async(() -> queries.volume(c, days > 62 ? "week" : "day"));
        CompletableFuture<long[]> previousF = async(() -> queries.totals(previous));
        CompletableFuture<InsightsQueries.Breakdown> breakdownF = async(() -> queries.breakdown(c));
        CompletableFuture<Reports.Questions> topF = async(() -> queries.topQuestions(c, 10));
        CompletableFuture<long[]> hoursF = async(() -> queries.hours(c));
        Reports.Volume volume = join(volumeF);
        long previousTotal = join(previousF)[0];
        InsightsQueries.Breakdown breakdown = join(breakdownF);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", c.from().toString());
        m.put("to", c.to().toString());
        m.put("fromVn", VN.format(c.from()));
        m.put("toVn", VN.format(c.to()));
        m.put("channel", c.channel() == null ? "" : c.channel());
        m.put("province", c.province() == null ? "" : c.province());
        m.put("theme", c.theme() == null ? "" : c.theme());
        m.put("themes", catalog.themeList().stream().map(t -> Map.of("id", t.id(), "name", t.name())).toList());
        m.put("total", volume.total());
        m.put("previousTotal", previousTotal);
        m.put("previousFromVn", VN.format(previous.from()));
        m.put("previousToVn", VN.format(previous.to()));
        m.put("trend", previousTotal == 0 ? null : percent((double) (volume.total() - previousTotal) / previousTotal));
        m.put("answered", volume.total() - volume.unanswered());
        m.put("unanswered", volume.unanswered());
        m.put("answeredRate", volume.total() == 0 ? null : percent((double) (volume.total() - volume.unanswered()) / volume.total()));
        m.put("bucket", volume.bucket().equals("week") ? "tuần" : "ngày");
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (Reports.VolumeBucket b : volume.buckets()) {
            buckets.add(row(VN.format(b.start()), b.count(), b.unanswered()));
        }
        m.put("volume", bars(buckets));
        m.put("channels", bars(breakdown.channels().stream().map(x -> row(x.name(), x.count(), x.unanswered())).toList()));
        m.put("provinces", bars(breakdown.provinces().stream().map(x -> row(x.name(), x.count(), x.unanswered())).toList()));
        List<Map<String, Object>> themes = new ArrayList<>();
        List<Map<String, Object>> topics = new ArrayList<>();
        for (Reports.ThemeCount t : breakdown.topics().themes()) {
            themes.add(row(t.name(), t.count(), 0));
            for (Reports.TopicCount tc : t.topics()) {
                Map<String, Object> r = row(tc.name(), tc.count(), 0);
                r.put("theme", t.name());
                topics.add(r);
            }
        }
        m.put("themeCounts", bars(themes));
        m.put("topics", bars(topics));
        m.put("rated", breakdown.rated());
        m.put("helpful", breakdown.helpful());
        m.put("notHelpful", breakdown.rated() - breakdown.helpful());
        m.put("helpfulRate", breakdown.rated() == 0 ? null : percent((double) breakdown.helpful() / breakdown.rated()));
        List<Map<String, Object>> top = new ArrayList<>();
        for (Reports.QuestionGroup g : join(topF).groups()) {
            Map<String, Object> r = row(g.question(), g.count(), 0);
            r.put("variants", g.variants());
            top.add(r);
        }
        m.put("topQuestions", top);
        long[] hours = join(hoursF);
        List<Map<String, Object>> hourRows = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hourRows.add(row(String.format("%02d:00", h), hours[h], 0));
        }
        m.put("hours", bars(hourRows));
        return m;
    }

    private <T> CompletableFuture<T> async(Supplier<T> query) {
        return CompletableFuture.supplyAsync(query, executor);
    }

    /** The query's own exception (a database outage stays a 503, a bad filter a 400), not a wrapper. */
    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static Map<String, Object> row(String name, long count, long unanswered) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("count", count);
        r.put("unanswered", unanswered);
        return r;
    }

    /** Adds each row's bar length in percent of the largest, for the server-side SVG bars. */
    private static List<Map<String, Object>> bars(List<Map<String, Object>> rows) {
        long max = rows.stream().mapToLong(r -> (Long) r.get("count")).max().orElse(0);
        for (Map<String, Object> r : rows) {
            long n = (Long) r.get("count");
            r.put("bar", max == 0 ? 0 : Math.round(n * 1000.0 / max) / 10.0);
            r.put("badBar", max == 0 ? 0 : Math.round((Long) r.get("unanswered") * 1000.0 / max) / 10.0);
        }
        return rows;
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f", share * 100).replace('.', ',') + " %";
    }
}
