package vn.hoidap.system;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.data.exceptions.DataAccessException;
import org.apache.lucene.search.IndexSearcher;

import java.sql.SQLTransientConnectionException;

/** Test-only routes that throw what production code throws in the failures of issue 16. */
@Controller("/test-only/fail")
@Requires(env = "test")
class FailingTestController {

    @Get("/clauses")
    String clauses() {
        throw new IndexSearcher.TooManyClauses();
    }

    @Get("/database")
    String database() {
        throw new DataAccessException("pool", new SQLTransientConnectionException("Connection is not available"));
    }
}
