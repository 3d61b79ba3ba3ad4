package vn.hoidap.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link SharedState} in the {@code shared_state} table. Reads always ask the database (another instance
 * may have written since) — {@link #getIfChanged} with one small query that sends the value only when its
 * version moved — so the bounded Caffeine cache in front is the last value this instance read or
 * wrote, answered only while the database is unreachable: a conversation then continues on this instance
 * instead of losing its context. A failed write is kept there too and reported once per minute.
 */
@Singleton
class PostgresSharedState implements SharedState {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSharedState.class);
    private static final String GET = """
            SELECT value FROM shared_state WHERE namespace = ? AND key = ? AND expires_at > now()""";
    /** The value only when its version differs from the caller's: a held value is not sent again. */
    private static final String GET_IF_CHANGED = """
            SELECT version, CASE WHEN version = ? THEN NULL ELSE value END, expires_at
            FROM shared_state WHERE namespace = ? AND key = ? AND expires_at > now()""";
    private static final String PUT = """
            INSERT INTO shared_state (namespace, key, value, expires_at, updated_at, version)
            VALUES (?, ?, ?, now() + make_interval(secs => ?), now(), nextval('shared_state_version'))
            ON CONFLICT (namespace, key) DO UPDATE
                SET value = excluded.value, expires_at = excluded.expires_at, updated_at = excluded.updated_at,
                    version = excluded.version
            RETURNING version""";

    private record Entry(String value, long ttlNanos) {
    }

    private final JdbcOperations jdbc;
    private final StateConfig config;
    private final Cache<String, Entry> local;
    private final AtomicLong failures = new AtomicLong();
    private volatile long lastWarning;
    /**
     * Open after a failure: while the database is away no request waits on it (a connection attempt can
     * take the pool's whole time-out, on every answer); one background probe at a time decides when it is
     * back. Keys written only to the local cache meanwhile are written back on their next read.
     */
    private volatile boolean open;
    private final java.util.concurrent.atomic.AtomicBoolean probing = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.Set<String> dirty = java.util.concurrent.ConcurrentHashMap.newKeySet();

    PostgresSharedState(JdbcOperations jdbc, StateConfig config) {
        this.jdbc = jdbc;
        this.config = config;
        this.local = Caffeine.newBuilder()
                .maximumSize(config.cacheSize())
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String k, Entry e, long now) {
                        return e.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String k, Entry e, long now, long current) {
                        return e.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(String k, Entry e, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public Optional<String> get(String namespace, String key) {
        check(namespace, key);
        String id = namespace + '\u0000' + key;
        if (open) {
            probeLater();
            return Optional.ofNullable(local.getIfPresent(id)).map(Entry::value);
        }
        if (dirty.contains(id)) {
            Entry newer = local.getIfPresent(id);
            dirty.remove(id);
            if (newer != null) {
                // written here during an outage: the table holds an older state, so this one goes back first
                putVersioned(namespace, key, newer.value(), Duration.ofNanos(newer.ttlNanos()));
                return Optional.of(newer.value());
            }
        }
        try {
            Optional<String> v = jdbc.execute(c -> {
                try (PreparedStatement ps = c.prepareStatement(GET)) {
                    ps.setString(1, namespace);
                    ps.setString(2, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                    }
                }
            });
            if (v.isEmpty()) {
                local.invalidate(id);
            }
            return v;
        } catch (RuntimeException | AssertionError e) {
            failed("read", e);
            return Optional.ofNullable(local.getIfPresent(id)).map(Entry::value);
        }
    }

    @Override
    public Optional<Versioned> getIfChanged(String namespace, String key, long knownVersion) {
        check(namespace, key);
        String id = namespace + '\u0000' + key;
        if (open) {
            probeLater();
            return local(id);
        }
        if (dirty.contains(id)) {
            Entry newer = local.getIfPresent(id);
            dirty.remove(id);
            if (newer != null) {
                // written here during an outage: the table holds an older state, so this one goes back first
                long version = putVersioned(namespace, key, newer.value(), Duration.ofNanos(newer.ttlNanos()));
                return Optional.of(new Versioned(newer.value(), version, Instant.now().plusNanos(newer.ttlNanos())));
            }
        }
        try {
            Optional<Versioned> v = jdbc.execute(c -> {
                try (PreparedStatement ps = c.prepareStatement(GET_IF_CHANGED)) {
                    ps.setLong(1, knownVersion);
                    ps.setString(2, namespace);
                    ps.setString(3, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new Versioned(rs.getString(2), rs.getLong(1), rs.getTimestamp(3).toInstant()))
                                : Optional.<Versioned>empty();
                    }
                }
            });
            if (v.isEmpty()) {
                local.invalidate(id);
            }
            return v;
        } catch (RuntimeException | AssertionError e) {
            failed("read", e);
            return local(id);
        }
    }

    private Optional<Versioned> local(String id) {
        Entry e = local.getIfPresent(id);
        return e == null ? Optional.empty()
                : Optional.of(new Versioned(e.value(), NO_VERSION, Instant.now().plusNanos(e.ttlNanos())));
    }

    @Override
    public long putVersioned(String namespace, String key, String json, Duration ttl) {
        check(namespace, key);
        if (json == null || json.length() > config.maxValueLength()) {
            throw new IllegalArgumentException("state value missing or longer than " + config.maxValueLength());
        }
        if (ttl.isNegative() || ttl.isZero()) {
            remove(namespace, key);
            return NO_VERSION;
        }
        String id = namespace + '\u0000' + key;
        local.put(id, new Entry(json, ttl.toNanos()));
        if (open) {
            dirty.add(id);
            probeLater();
            return NO_VERSION;
        }
        try {
            return jdbc.execute(c -> {
                try (PreparedStatement ps = c.prepareStatement(PUT)) {
                    ps.setString(1, namespace);
                    ps.setString(2, key);
                    ps.setString(3, json);
                    ps.setDouble(4, ttl.toMillis() / 1000.0);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
        } catch (RuntimeException | AssertionError e) {
            dirty.add(id);
            failed("write", e);
            return NO_VERSION;
        }
    }

    @Override
    public void remove(String namespace, String key) {
        check(namespace, key);
        local.invalidate(namespace + '\u0000' + key);
        dirty.remove(namespace + '\u0000' + key);
        if (open) {
            probeLater();
            return;
        }
        try {
            jdbc.execute(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM shared_state WHERE namespace = ? AND key = ?")) {
                    ps.setString(1, namespace);
                    ps.setString(2, key);
                    return ps.executeUpdate();
                }
            });
        } catch (RuntimeException | AssertionError e) {
            failed("delete", e);
        }
    }

    /** One probe at a time, off the request thread; it closes the breaker when the database answers. */
    private void probeLater() {
        if (!probing.compareAndSet(false, true)) {
            return;
        }
        Thread probe = new Thread(() -> {
            try {
                Thread.sleep(1000);
                jdbc.execute(c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT 1")) {
                        return ps.execute();
                    }
                });
                open = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | AssertionError e) {
                // still away: the next request starts another probe
            } finally {
                probing.set(false);
            }
        }, "shared-state-probe");
        probe.setDaemon(true);
        probe.start();
    }

    /** True while the breaker is open: the database failed and requests answer from the local cache. */
    boolean breakerOpen() {
        return open;
    }

    /** Reads, writes and deletes that fell back to the local cache since start-up. */
    long failures() {
        return failures.get();
    }

    private void check(String namespace, String key) {
        if (namespace == null || namespace.isEmpty() || key == null || key.isEmpty()
                || namespace.length() + key.length() > config.maxKeyLength()
                || namespace.indexOf('\u0000') >= 0 || key.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("state namespace/key empty, too long or containing NUL");
        }
    }

    private void failed(String what, Throwable e) {
        open = true;
        probeLater();
        long n = failures.incrementAndGet();
        long now = System.currentTimeMillis();
        if (now - lastWarning > 60_000) {
            lastWarning = now;
            LOG.warn("Shared state: {} failed, this instance's cache answers ({} failures so far): {}", what, n,
                    e.getMessage());
        }
    }
}
