package vn.hoidap;

import io.micronaut.runtime.Micronaut;
import vn.hoidap.system.DatabaseBootstrap;

/**
 * Starts the service. The database is chosen before the application context exists because the
 * datasource, Flyway and the query log all need a URL at start-up: a configured server is checked for
 * reachability (so a wrong URL fails in seconds, not after a pool time-out), otherwise an embedded
 * PostgreSQL is started with a persistent data directory.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        DatabaseBootstrap.Choice database;
        try {
            database = DatabaseBootstrap.choose(System.getenv(), System.getProperties());
        } catch (DatabaseBootstrap.DatabaseUnavailableException e) {
            System.err.println("Start-up failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(database.properties())
                .start();
    }
}
