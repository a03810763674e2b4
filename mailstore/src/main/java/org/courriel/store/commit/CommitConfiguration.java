package org.courriel.store.commit;

import javax.sql.DataSource;

import org.courriel.store.StoreProperties;
import org.courriel.store.event.MailboxEventBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the group committer and the durability sync it ends each batch with. */
@Configuration(proxyBeanMethods = false)
class CommitConfiguration {

    @Bean
    DurabilitySync durabilitySync(DataSource dataSource) {
        return new DurabilitySync(dataSource);
    }

    @Bean
    GroupCommitter groupCommitter(PlatformTransactionManager txManager, JdbcClient jdbc, MailboxEventBus bus,
            DurabilitySync durability, StoreProperties properties, MeterRegistry meters) {
        return new GroupCommitter(txManager, jdbc, bus, durability, properties, meters);
    }
}
