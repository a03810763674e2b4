package org.courriel.store;

import javax.sql.DataSource;

import org.courriel.store.commit.DurabilitySync;
import org.courriel.store.commit.GroupCommitter;
import org.courriel.store.disk.FreeSpaceGuard;
import org.courriel.store.disk.H2Files;
import org.courriel.store.event.InProcessMailboxEventBus;
import org.courriel.store.event.MailboxEventBus;
import org.courriel.store.event.PostgresNotifyEventBus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the store's infrastructure; the services are components of their packages. */
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

    @Bean
    DurabilitySync durabilitySync(DataSource dataSource) {
        return new DurabilitySync(dataSource);
    }

    /** Watches the disk of an embedded H2 file database; nothing to watch on PostgreSQL or in memory. */
    @Bean
    FreeSpaceGuard freeSpaceGuard(DataSource dataSource, StoreProperties properties) {
        try (var c = dataSource.getConnection()) {
            return new FreeSpaceGuard(H2Files.directoryOf(c.getMetaData().getURL()), properties.minFreeSpace());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot reach the database to learn where it is", e);
        }
    }

    @Bean
    GroupCommitter groupCommitter(PlatformTransactionManager txManager, JdbcClient jdbc, MailboxEventBus bus,
            DurabilitySync durability, StoreProperties properties, MeterRegistry meters) {
        return new GroupCommitter(txManager, jdbc, bus, durability, properties, meters);
    }
}
