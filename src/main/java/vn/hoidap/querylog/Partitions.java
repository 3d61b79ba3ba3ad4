package vn.hoidap.querylog;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The monthly partitions of {@code query_log} (V31): created before a batch needs them (a row of a month
 * without its partition would land in the default partition), a few months ahead by the retention job,
 * and dropped whole once the month is past the retention period.
 */
@Singleton
class Partitions {

    private static final Logger LOG = LoggerFactory.getLogger(Partitions.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcOperations jdbc;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    Partitions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates (committed, before the batch is inserted) the partitions the rows' months need; months known to
     * exist cost no round trip. Hand-written JDBC because this is DDL through a PL/pgSQL function, not rows.
     */
    void ensure(List<LogRow> rows) {
        Set<YearMonth> months = new TreeSet<>();
        for (LogRow r : rows) {
            YearMonth m = YearMonth.from(r.askedAt().atZone(ZONE));
            if (!known.contains(m)) {
                months.add(m);
            }
        }
        if (months.isEmpty()) {
            return;
        }
        jdbc.execute(c -> {
            for (YearMonth m : months) {
                create(c, m);
            }
            return null;
        });
    }

    /** This month and the next {@code ahead}. */
    void ensureAhead(int ahead) {
        YearMonth now = YearMonth.now(ZONE);
        jdbc.execute(c -> {
            for (int i = 0; i <= ahead; i++) {
                create(c, now.plusMonths(i));
            }
            return null;
        });
    }

    /** Drops the partitions whose whole month ended before {@code cutoff}; returns their names. */
    List<String> dropBefore(LocalDate cutoff) {
        List<String> dropped = new ArrayList<>();
        jdbc.execute(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT child.relname FROM pg_inherits
                    JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
                    JOIN pg_class child ON child.oid = pg_inherits.inhrelid
                    WHERE parent.relname = 'query_log' AND child.relname ~ '^query_log_[0-9]{4}_[0-9]{2}$'
                    ORDER BY child.relname""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                YearMonth m = YearMonth.of(Integer.parseInt(name.substring(10, 14)), Integer.parseInt(name.substring(15, 17)));
                if (m.plusMonths(1).atDay(1).isAfter(cutoff)) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("DROP TABLE " + name)) {
                    ps.execute();
                }
                known.remove(m);
                dropped.add(name);
                LOG.info("Query log retention: dropped partition {} (month {} is past the retention period)", name, m);
            }
            return null;
        });
        return dropped;
    }

    private void create(Connection c, YearMonth m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT query_log_ensure_partition(?)")) {
            ps.setDate(1, Date.valueOf(m.atDay(1)));
            ps.execute();
        }
        known.add(m);
    }
}
