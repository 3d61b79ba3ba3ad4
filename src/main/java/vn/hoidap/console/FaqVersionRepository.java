package vn.hoidap.console;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface FaqVersionRepository extends GenericRepository<FaqVersion, FaqVersion.Key> {

    FaqVersion save(FaqVersion version);

    /** The live version of every id (deleted ones included: they hide committed entries). */
    @Query("""
            SELECT DISTINCT ON (id) id, version, question, alternates, answer, topic, basis, audience, deleted, actor, saved_at
            FROM faq_version ORDER BY id, version DESC""")
    List<FaqVersion> latest();

    /**
     * The live version of every id saved at or after {@code since}: what changed since a reader's last look
     * (FaqOverlay's watermark), without reading every entry again.
     */
    @Query("""
            SELECT DISTINCT ON (id) id, version, question, alternates, answer, topic, basis, audience, deleted, actor, saved_at
            FROM faq_version WHERE saved_at >= :since ORDER BY id, version DESC""")
    List<FaqVersion> latestSince(Instant since);

    @Query("SELECT coalesce(max(version), 0) FROM faq_version WHERE id = :id")
    int lastVersion(String id);

    /** Changes anywhere, as one number: another replica's save shows up here. */
    @Query("SELECT count(*) FROM faq_version")
    long versions();

    @Query("""
            SELECT id, version, question, alternates, answer, topic, basis, audience, deleted, actor, saved_at
            FROM faq_version WHERE id = :id ORDER BY version DESC""")
    List<FaqVersion> history(String id);
}
