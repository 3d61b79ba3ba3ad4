package vn.hoidap.console;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReviewDecisionRepository extends GenericRepository<ReviewDecision, String> {

    /** A later decision about the same key replaces the earlier one. */
    @Query("""
            INSERT INTO review_decision (question_key, decision, faq_id, actor, decided_at)
            VALUES (:questionKey, :decision, :faqId, :actor, now())
            ON CONFLICT (question_key) DO UPDATE SET decision = excluded.decision, faq_id = excluded.faq_id,
                actor = excluded.actor, decided_at = excluded.decided_at""")
    void decide(String questionKey, String decision, @io.micronaut.core.annotation.Nullable String faqId, String actor);
}
