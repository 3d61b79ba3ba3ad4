package vn.hoidap.system;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.inject.Singleton;

/**
 * Holds the datasource's configuration back until the embedded PostgreSQL that {@link DatabaseBootstrap}
 * started in the background accepts connections, so the pool's first connection (and Flyway) finds it up.
 * Everything the context builds before the datasource ran while the server was starting.
 */
@Singleton
final class EmbeddedPostgresWait implements BeanInitializedEventListener<DatasourceConfiguration> {

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatabaseBootstrap.awaitEmbedded(event.getBean().getJdbcUrl());
        return event.getBean();
    }
}
