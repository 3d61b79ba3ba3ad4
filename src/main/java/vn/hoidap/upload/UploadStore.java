package vn.hoidap.upload;

import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code plan_upload} (V50) and its audit trail in {@code audit_log} (V40, target {@code plan:<id>}): each
 * change and its audit record are written in one transaction, so a failure leaves nothing half-stored.
 */
@Singleton
class UploadStore {

    /** One uploaded plan as stored (without the original bytes, read apart: they may be 30 MB). */
    record Row(String id, String status, String fileName, String contentType, long sizeBytes, String sha256,
               String textQuality, String text, String sheet, String warnings, int progress, String error,
               String report, String createdBy, Instant createdAt, Instant updatedAt, Instant publishedAt) {
    }

    private static final String COLUMNS = "id, status, file_name, content_type, size_bytes, sha256, text_quality, text, "
            + "sheet, warnings, progress, error, report, created_by, created_at, updated_at, published_at";

    private final DataSource db;

    UploadStore(DataSource db) {
        this.db = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(db);
    }

    void insert(String id, String status, String fileName, String contentType, byte[] original, String sha256,
                String textQuality, String text, String sheet, String warnings, String actor) {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_upload (id, status, file_name, content_type, "
                    + "size_bytes, sha256, original, text_quality, text, sheet, warnings, created_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, status);
                ps.setString(3, fileName);
                ps.setString(4, contentType);
                ps.setLong(5, original.length);
                ps.setString(6, sha256);
                ps.setBytes(7, original);
                ps.setString(8, textQuality);
                ps.setString(9, text);
                ps.setString(10, sheet);
                ps.setString(11, warnings);
                ps.setString(12, actor);
                ps.executeUpdate();
            }
            audit(c, actor, "plan.upload", id, null, "{\"file\":" + SheetFiles.json(fileName) + ",\"sha256\":\"" + sha256
                    + "\",\"status\":\"" + status + "\"}");
        });
    }

    /** Sets the fields given (null: unchanged) and records what changed. */
    void update(String id, String actor, String action, String status, String text, String sheet, String warnings,
                Integer progress, String error, String report, boolean published) {
        tx(c -> {
            Row before = get(c, id).orElse(null);
            try (PreparedStatement ps = c.prepareStatement("UPDATE plan_upload SET status = COALESCE(?, status), "
                    + "text = COALESCE(?, text), sheet = COALESCE(?, sheet), warnings = COALESCE(?, warnings), "
                    + "progress = COALESCE(?, progress), error = ?, report = COALESCE(?, report), updated_at = now(), "
                    + "published_at = CASE WHEN ? THEN now() ELSE published_at END, "
                    + "text_quality = text_quality WHERE id = ?")) {
                ps.setString(1, status);
                ps.setString(2, text);
                ps.setString(3, sheet);
                ps.setString(4, warnings);
                if (progress == null) {
                    ps.setNull(5, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(5, progress);
                }
                ps.setString(6, error);
                ps.setString(7, report);
                ps.setBoolean(8, published);
                ps.setString(9, id);
                ps.executeUpdate();
            }
            if (action != null) {
                audit(c, actor, action, id, before == null ? null : summary(before.status(), before.sheet()),
                        summary(status != null ? status : before == null ? null : before.status(),
                                sheet != null ? sheet : before == null ? null : before.sheet()));
            }
        });
    }

    /** OCR progress: no audit record (it is the machine's, not a person's change). */
    void progress(String id, int percent) {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE plan_upload SET progress = ?, updated_at = now() WHERE id = ?")) {
                ps.setInt(1, percent);
                ps.setString(2, id);
                ps.executeUpdate();
            }
        });
    }

    private static String summary(String status, String sheet) {
        return "{\"status\":" + SheetFiles.json(status) + ",\"sheet\":" + (sheet == null ? "null" : sheet) + "}";
    }

    Optional<Row> get(String id) {
        try (Connection c = db.getConnection()) {
            return get(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<String> bySha(String sha256) {
        return query("SELECT id FROM plan_upload WHERE sha256 = ? AND status <> 'failed' LIMIT 1", sha256).stream().findFirst();
    }

    byte[] original(String id) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT original FROM plan_upload WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Row> all() {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM plan_upload ORDER BY created_at DESC")) {
            return rows(ps);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Row> published() {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM plan_upload WHERE status = 'published' "
                     + "ORDER BY published_at, id")) {
            return rows(ps);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What is published, as one string that changes whenever a plan is published, re-published or withdrawn
     * (ids with their publication time): how a replica notices another one's publish without reading the plans.
     */
    String publishedFingerprint() {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT coalesce(string_agg(id || '@' || coalesce(published_at::text, ''), "
                     + "',' ORDER BY id), '') FROM plan_upload WHERE status = 'published'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who did what when to one uploaded plan, newest first. */
    List<String[]> history(String id) {
        List<String[]> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT at, actor, action FROM audit_log WHERE target = ? ORDER BY at DESC, id DESC")) {
            ps.setString(1, "plan:" + id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[]{rs.getTimestamp(1).toInstant().toString(), rs.getString(2), rs.getString(3)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    void audit(String actor, String action, String id, String before, String after) {
        tx(c -> audit(c, actor, action, id, before, after));
    }

    private static void audit(Connection c, String actor, String action, String id, String before, String after)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (actor, action, target, before, after) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, actor);
            ps.setString(2, action);
            ps.setString(3, "plan:" + id);
            ps.setString(4, before);
            ps.setString(5, after);
            ps.executeUpdate();
        }
    }

    private Optional<Row> get(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM plan_upload WHERE id = ?")) {
            ps.setString(1, id);
            return rows(ps).stream().findFirst();
        }
    }

    private List<String> query(String sql, String arg) {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static List<Row> rows(PreparedStatement ps) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11),
                        rs.getString(12), rs.getString(13), rs.getString(14), instant(rs.getTimestamp(15)),
                        instant(rs.getTimestamp(16)), instant(rs.getTimestamp(17))));
            }
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    interface Work {
        void run(Connection c) throws SQLException;
    }

    private void tx(Work work) {
        try (Connection c = db.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new UploadRejected(io.micronaut.http.HttpStatus.CONFLICT, "Mã kế hoạch này đã có; hãy chọn mã khác.");
            }
            throw new IllegalStateException(e);
        }
    }
}
