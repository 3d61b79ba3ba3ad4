package vn.hoidap.insights;

import vn.hoidap.topics.TopicCatalog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.hoidap.system.DatabaseBootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Scale benchmark (not a test; surefire skips *Benchmark): fills 1,000,000 synthetic log rows over two
 * years with generate_series in a fresh embedded PostgreSQL and times every insights query, median of
 * five runs after two warm-ups, for a 30-day window, a one-year window and the full two years, with and
 * without filters. Run:
 * <pre>
 * mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) vn.hoidap.insights.InsightsBenchmark
 * </pre>
 * (optional argument: the number of rows; BENCH_URL=jdbc:postgresql://… reuses a running server and fills it
 * only up to that number, which makes tuning quicker).
 */
public final class InsightsBenchmark {

    private static final int CHUNK = 1_000_000;
    /**
     * Distinct questions, log-uniform (a few asked very often, a long tail asked once or twice); a quarter of
     * the rows ask theirs with " ở đâu" added, a near-duplicate that must be grouped with it. Different
     * questions share one word of five ("muc"): they are not near-duplicates of each other.
     */
    private static final int KEYS = 50_000;

    private InsightsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        // BENCH_DIR: keep the embedded server's data there and reuse it on the next run (filled once, migrated
        // by Flyway like a deployed database); BENCH_URL: a running server; otherwise a fresh temporary one.
        String keep = System.getenv("BENCH_DIR");
        Path dir = keep != null ? Files.createDirectories(Path.of(keep)) : Files.createTempDirectory("insights-bench");
        String url = System.getenv("BENCH_URL");
        EmbeddedPostgres pg = url != null ? null
                : EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(keep == null).start();
        Map<String, Object> props = new HashMap<>(pg != null ? DatabaseBootstrap.embeddedProperties(pg)
                : Map.of("datasources.default.url", url, "datasources.default.username", "postgres",
                        "datasources.default.password", ""));
        props.put("hoidap.querylog.spill-dir", dir.resolve("spill").toString());
        props.put("hoidap.console.admin-password", "bench");
        // A kept data folder may have been migrated by an earlier text of a migration still being worked on.
        props.put("flyway.datasources.default.validate-on-migrate", "false");
        props.put("micronaut.server.port", -1);
        props.put("micronaut.server.host", "127.0.0.1");
        // Two years of synthetic rows: the retention job (365 days by default) would drop half of them mid-run.
        props.put("hoidap.querylog.retention-days", "3650");
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            JdbcOperations jdbc = ctx.getBean(JdbcOperations.class);
            long t = System.nanoTime();
            long existing = jdbc.execute(c -> {
                try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM query_log")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            if (existing < rows) {
                fill(jdbc, (int) (rows - existing));
            }
            System.out.printf("filled %,d rows in %.1f s (incl. VACUUM ANALYZE)%n", rows, (System.nanoTime() - t) / 1e9);
            InsightsQueries q = ctx.getBean(InsightsQueries.class);
            TopicCatalog catalog = ctx.getBean(TopicCatalog.class);
            LocalDate today = LocalDate.now(Criteria.ZONE);
            Map<String, Criteria> ranges = new java.util.LinkedHashMap<>();
            ranges.put("30 days", crit(catalog, today.minusDays(29), today, null, null, null));
            ranges.put("1 year", crit(catalog, today.minusDays(364), today, null, null, null));
            ranges.put("2 years", crit(catalog, today.minusDays(729), today, null, null, null));
            ranges.put("2 years, telegram+Bình Định+theme", crit(catalog, today.minusDays(729), today, "telegram",
                    "Bình Định", "pho-cap-ky-nang-so"));
            Dashboard dashboard = ctx.getBean(Dashboard.class);
            // Nothing is built on the request path: the first report of each range reads whatever the background
            // job (InsightsMaintenance) has built so far — on a log just filled, nothing: every day from
            // query_key_daily — and asks for its filters' segments. Then the job is run to the end (the scheduled
            // run does the same in the background) and the timed runs read its segments.
            InsightsMaintenance maintenance = ctx.getBean(InsightsMaintenance.class);
            if ("1".equals(System.getenv("BENCH_BACKFILL"))) {
                // As V60 leaves a database logged before it: no key counts, no groups, no segments, every day
                // to rebuild. The first calls below then read query_log itself, and the job starts with the backfill.
                jdbc.execute(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("TRUNCATE query_key_daily, question_group, question_word, query_key_segment CASCADE");
                        s.execute("""
                                INSERT INTO query_key_backfill (first_day, next_day, started)
                                SELECT (min(asked_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
                                       (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                                FROM query_log ON CONFLICT DO NOTHING""");
                    }
                    return null;
                });
            }
            System.out.println("before the job: " + maintenance.status());
            // BENCH_FIRST=0: no first calls (at 10,000,000 rows each reads every day of its range); the filters are
            // recorded for the job as a first call would.
            boolean first = !"0".equals(System.getenv("BENCH_FIRST"));
            for (Map.Entry<String, Criteria> r : ranges.entrySet()) {
                if (!first) {
                    Criteria c = r.getValue();
                    maintenance.want(c.channel() == null ? "" : c.channel(), c.province() == null ? "" : c.province(),
                            c.theme() == null ? "" : c.theme());
                    continue;
                }
                long t0 = System.nanoTime();
                q.topQuestions(r.getValue(), 50);
                long t1 = System.nanoTime();
                q.unanswered(r.getValue(), 50);
                long t2 = System.nanoTime();
                dashboard.model(r.getValue().from().toString(), r.getValue().to().toString(), r.getValue().channel(),
                        r.getValue().province(), r.getValue().theme());
                System.out.printf("first call, %-30s top questions %,d ms, unanswered %,d ms, dashboard %,d ms (no segments yet)%n",
                        r.getKey(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            }
            long tj = System.nanoTime();
            maintenance.runUntilIdle();
            System.out.printf("background job to idle: %.1f s; %s%n", (System.nanoTime() - tj) / 1e9, maintenance.status());
            System.out.printf("%-36s %11s %11s %11s %11s %11s %11s %11s %11s %11s%n", "range", "volume/d", "volume/w",
                    "topics", "questions", "unanswer.", "feedback", "hours", "dashboard", "export*");
            for (Map.Entry<String, Criteria> r : ranges.entrySet()) {
                Criteria c = r.getValue();
                System.out.printf("%-36s %11s %11s %11s %11s %11s %11s %11s %11s %11s%n", r.getKey(),
                        time(() -> q.volume(c, "day")), time(() -> q.volume(c, "week")), time(() -> q.topics(c)),
                        time(() -> q.topQuestions(c, 50)), time(() -> q.unanswered(c, 50)), time(() -> q.feedback(c)),
                        time(() -> q.hours(c)),
                        time(() -> dashboard.model(c.from().toString(), c.to().toString(), c.channel(), c.province(), c.theme())),
                        EXPORT ? time(() -> q.export(c, 200_000, rs -> rs.getString(9))) : "-");
            }
            // The console's page itself over HTTP (queries, template, security), as a person reads it: signed in once
            // through the login form, then the session cookie on every request (BENCH_HTTP=0 skips it). HTTP Basic
            // checks the BCrypt hash on every request, which is for scripts, not for a person's page views.
            io.micronaut.runtime.server.EmbeddedServer server = ctx.getBean(io.micronaut.runtime.server.EmbeddedServer.class);
            server.start();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            Map<String, String> cookies = new java.util.LinkedHashMap<>();
            if (!"0".equals(System.getenv("BENCH_HTTP"))) {
                String token = java.util.UUID.randomUUID().toString();
                cookies.put("hoidap_csrf", token);
                java.net.http.HttpResponse<String> login = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(server.getURL() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookieHeader(cookies))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=admin&password=bench&_csrf=" + token))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                keepCookies(login, cookies);
                System.out.printf("signed in: %d, cookies %s%n", login.statusCode(), cookies.keySet());
            }
            for (Map.Entry<String, Criteria> r : "0".equals(System.getenv("BENCH_HTTP")) ? Map.<String, Criteria>of().entrySet()
                    : ranges.entrySet()) {
                Criteria c = r.getValue();
                String uri = server.getURL() + "/quan-tri?from=" + c.from() + "&to=" + c.to()
                        + (c.channel() == null ? "" : "&channel=" + c.channel())
                        + (c.province() == null ? "" : "&province=" + java.net.URLEncoder.encode(c.province(), java.nio.charset.StandardCharsets.UTF_8))
                        + (c.theme() == null ? "" : "&theme=" + c.theme());
                System.out.printf("GET /quan-tri, %-30s %12s ms%n", r.getKey(), time(() -> {
                    try {
                        java.net.http.HttpResponse<String> resp = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(uri)).header("Cookie", cookieHeader(cookies)).build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
                        if (resp.statusCode() != 200) {
                            throw new IllegalStateException("GET /quan-tri: " + resp.statusCode());
                        }
                        keepCookies(resp, cookies);
                        return resp.body().length();
                    } catch (java.io.IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            System.out.println("median/p95 of " + RUNS + " runs after 2 warm-ups, ms; dashboard: every query of the console's /quan-tri"
                    + " page (Dashboard.model); *export: the SQL and reading up to 200,000 rows");
            System.out.printf("load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    /** The cookies a response sets (the session is re-issued on activity: the idle time-out). */
    private static void keepCookies(java.net.http.HttpResponse<?> resp, Map<String, String> cookies) {
        for (String set : resp.headers().allValues("set-cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
    }

    private static Criteria crit(TopicCatalog catalog, LocalDate from, LocalDate to, String channel, String province,
                                 String theme) {
        return Criteria.parse(from.toString(), to.toString(), channel, province, theme, catalog.themes(), 731);
    }

    /** The row export is timed only with BENCH_EXPORT=1 (it is not an interactive query and takes seconds). */
    private static final boolean EXPORT = "1".equals(System.getenv("BENCH_EXPORT"));
    /** Runs measured per query after two warm-ups (BENCH_RUNS, default 20). */
    private static final int RUNS = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "20"));

    /** "median/p95" in ms over {@link #RUNS} runs after two warm-ups. */
    private static String time(Supplier<Object> query) {
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < RUNS + 2; i++) {
            long t = System.nanoTime();
            query.get();
            if (i >= 2) {
                ms.add((System.nanoTime() - t) / 1_000_000);
            }
        }
        long[] sorted = ms.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2] + "/" + sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
    }

    /**
     * Two years of questions, more in daytime and on weekdays; 3 channels, 6 provinces, the real topics and
     * themes; question keys log-uniform over {@link #KEYS} (plus a near-duplicate of each); 15 % fallback,
     * 5 % rated, 0.5 % with a comment. Inserted in time order, as a live log is.
     */
    public static void fill(JdbcOperations jdbc, int rows) {
        jdbc.execute(c -> {
            try (Statement s = c.createStatement()) {
                // The monthly partitions of the two years (and the month ahead), as the writer creates them.
                s.execute("""
                        SELECT query_log_ensure_partition(d::date)
                        FROM generate_series(now() - interval '25 months', now() + interval '1 month', interval '1 month') d""");
                s.execute("""
                        CREATE TEMP TABLE bench_topic(n int, topic text, theme text);
                        INSERT INTO bench_topic VALUES
                          (0,'dich-vu-cong-truc-tuyen','pho-cap-ky-nang-so'),(1,'vneid-dinh-danh','pho-cap-ky-nang-so'),
                          (2,'thanh-toan-truc-tuyen','pho-cap-ky-nang-so'),(3,'hoc-ky-nang-so','pho-cap-ky-nang-so'),
                          (4,'an-toan-tren-mang','pho-cap-ky-nang-so'),(5,'chu-ky-so','pho-cap-ky-nang-so'),
                          (6,'to-cong-nghe-so-cong-dong','pho-cap-ky-nang-so'),(7,'du-lieu-ca-nhan','pho-cap-ky-nang-so'),
                          (8,'stem-steam','phat-trien-nguon-nhan-luc'),(9,'chuyen-gia-chuyen-doi-so','phat-trien-nguon-nhan-luc'),
                          (10,'giao-duc-so','phat-trien-nguon-nhan-luc'),(11,'dao-tao-can-bo','phat-trien-nguon-nhan-luc'),
                          (12,'chuyen-doi-so-la-gi','nang-cao-nhan-thuc'),(13,'de-an-146','nang-cao-nhan-thuc'),
                          (14,'sap-xep-to-chuc-2025','nang-cao-nhan-thuc'),(15,'viet-tat','nang-cao-nhan-thuc'),
                          (16,'nhiem-vu-co-quan','nang-cao-nhan-thuc'),(17,'muc-tieu-ke-hoach','nang-cao-nhan-thuc'),
                          (18,'thong-tin-ke-hoach','nang-cao-nhan-thuc'),(19,'bao-cao-dinh-ky','nang-cao-nhan-thuc'),
                          (20,'truyen-thong','nang-cao-nhan-thuc'),(21,'khac',NULL);
                        """);
                String insert = """
                        INSERT INTO query_log (id, asked_at, channel, session_hash, question, question_key, intent, topic,
                                               theme, province, agency, fallback, confidence, top_source, latency_ms,
                                               feedback, feedback_comment, feedback_at)
                        SELECT gen_random_uuid(), g.at, g.channel, md5((g.i % 200000)::text), g.question, g.qkey, 'faq',
                               t.topic, t.theme, g.province, NULL, g.fallback, random(), 'binh-dinh-2022#II.1',
                               (20 + random() * 200)::int,
                               CASE WHEN g.r < 0.03 THEN true WHEN g.r < 0.05 THEN false END,
                               CASE WHEN g.r < 0.005 THEN 'Góp ý số ' || g.i END,
                               CASE WHEN g.r < 0.05 THEN g.at + interval '1 minute' END
                        FROM (
                          SELECT i,
                                 date_trunc('day', now() - (random() * 730) * interval '1 day')
                                   + (6 + random() * 15) * interval '1 hour' AS at,
                                 (ARRAY['web','web','web','telegram','telegram','zalo'])[1 + (i % 6)] AS channel,
                                 (ARRAY['Bình Định','Bình Phước','Đồng Nai','Thanh Hóa','Hà Nội',NULL])[1 + ((i / 7) % 6)] AS province,
                                 k AS key_no,
                                 'Câu ' || k || ' mục ' || (k * 7919 % 10007) || ' ' || (k::bigint * 104729 % 99991)
                                   || CASE WHEN v THEN ' ở đâu' ELSE '' END || '?' AS question,
                                 'cau ' || k || ' muc ' || (k * 7919 % 10007) || ' ' || (k::bigint * 104729 % 99991)
                                   || CASE WHEN v THEN ' o dau' ELSE '' END AS qkey,
                                 random() < 0.15 AS fallback,
                                 random() AS r
                          FROM (SELECT i, floor(exp(random() * ln(KEYS)))::int AS k, random() < 0.25 AS v
                                FROM generate_series(1, ROWS) i) s
                        ) g JOIN bench_topic t ON t.n = g.key_no % 22
                        ORDER BY g.at
                        """;
                // In statements of at most a million rows: one sort and one set of roll-up upserts per chunk
                // instead of a 10-million-row transition table.
                for (int done = 0; done < rows; done += CHUNK) {
                    s.execute(insert.replace("ROWS", String.valueOf(Math.min(CHUNK, rows - done)))
                            .replace("KEYS", String.valueOf(KEYS)));
                    System.out.printf("  %,d rows inserted%n", Math.min(rows, done + CHUNK));
                }
                s.execute("VACUUM ANALYZE");
            }
            return null;
        });
    }
}
