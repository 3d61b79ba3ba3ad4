package vn.hoidap.console;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConsoleUserRepository extends CrudRepository<ConsoleUser, Long> {

    Optional<ConsoleUser> findByUsername(String username);

    List<ConsoleUser> findAllOrderByUsername();
}
