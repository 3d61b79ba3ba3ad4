package vn.hoidap.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed-window counters per bucket ("addr:…", "session:…") in the {@code rate_window} table: one upsert
 * per request counts every bucket it touches, so the limit is the same whichever instance answers.
 * While the database is away each instance counts on its own (bounded cache) rather than letting
 * everything through or refusing everyone.
 */
@Singleton
public class RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    /** Allowed, or refused with the seconds until the window ends. */
    public record Verdict(boolean allowed, long retryAfterSeconds, String bucket) {
    }

    private final JdbcOperations jdbc;
    private final Cache<String, AtomicInteger> local = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(10, TimeUnit.MINUTES).build();
    private volatile long lastWarning;
    private static final long LOCAL_AFTER_FAILURE_MILLIS = 10_000;
    private volatile long localUntil;

    RateLimiter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one request against every bucket; refused when any bucket is over its limit. */
    public Verdict hit(Map<String, Integer> limits, Duration window, Instant now) {
        long windowSeconds = Math.max(1, window.toSeconds());
        long start = now.getEpochSecond() / windowSeconds * windowSeconds;
        long retryAfter = Math.max(1, start + windowSeconds - now.getEpochSecond());
        Map<String, Integer> counts = count(limits.keySet(), start);
        for (Map.Entry<String, Integer> limit : limits.entrySet()) {
            Integer n = counts.get(limit.getKey());
            if (n != null && n > limit.getValue()) {
                return new Verdict(false, retryAfter, limit.getKey());
            }
        }
        return new Verdict(true, 0, null);
    }

    private Map<String, Integer> count(Iterable<String> buckets, long windowStart) {
        StringBuilder sql = new StringBuilder("INSERT INTO rate_window (bucket, window_start, hits) VALUES ");
        int n = 0;
        for (String ignored : buckets) {
            sql.append(n++ == 0 ? "" : ", ").append("(?, ?, 1)");
        }
        sql.append(" ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_window.hits + 1 RETURNING bucket, hits");
        if (System.currentTimeMillis() < localUntil) {
            // the database failed a moment ago: count here rather than make every request wait on the pool
            return countLocally(buckets, windowStart);
        }
        try {
            return jdbc.execute(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    int i = 1;
                    Timestamp start = Timestamp.from(Instant.ofEpochSecond(windowStart));
                    for (String b : buckets) {
                        ps.setString(i++, b);
                        ps.setTimestamp(i++, start);
                    }
                    Map<String, Integer> out = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), rs.getInt(2));
                        }
                    }
                    return out;
                }
            });
        } catch (RuntimeException | AssertionError e) {
            long now = System.currentTimeMillis();
            localUntil = now + LOCAL_AFTER_FAILURE_MILLIS;
            if (now - lastWarning > 60_000) {
                lastWarning = now;
                LOG.warn("Rate limits counted per instance while the database is unavailable: {}", e.getMessage());
            }
            return countLocally(buckets, windowStart);
        }
    }

    private Map<String, Integer> countLocally(Iterable<String> buckets, long windowStart) {
        Map<String, Integer> out = new HashMap<>();
        for (String b : buckets) {
            out.put(b, local.get(b + '@' + windowStart, k -> new AtomicInteger()).incrementAndGet());
        }
        return out;
    }
}
