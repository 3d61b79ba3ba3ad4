package vn.hoidap.console;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRepository extends CrudRepository<AuditEntry, Long> {

    List<AuditEntry> findTop100OrderByIdDesc();

    List<AuditEntry> findByTargetOrderByIdDesc(String target);
}
