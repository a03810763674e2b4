package org.courriel.store;

import javax.sql.DataSource;

import org.courriel.store.event.InProcessMailboxEventBus;
import org.courriel.store.event.MailboxEventBus;
import org.courriel.store.event.PostgresNotifyEventBus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the store's settings and change bus; the committer and the disk guard are wired in their own packages
 * ({@code commit}, {@code disk}), the services are components of theirs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
public class StoreConfiguration {

    /**
     * On PostgreSQL, events cross nodes with LISTEN/NOTIFY; on H2 (one node by nature) they stay in process.
     */
    @Bean
    @ConditionalOnMissingBean
    MailboxEventBus mailboxEventBus(DataSource dataSource) {
        try (var c = dataSource.getConnection()) {
            if ("PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())) {
                return new PostgresNotifyEventBus(dataSource);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot reach the database to learn its kind", e);
        }
        return new InProcessMailboxEventBus();
    }
}
