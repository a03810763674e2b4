package org.courriel.deploy.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.courriel.deploy.cli.command.AliasCommands;
import org.courriel.deploy.cli.command.DomainCommands;
import org.courriel.deploy.cli.command.UserCommands;
import org.courriel.store.StoreConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * The context of a store command ({@link CommandTable#STORE_COMMANDS}: domains, accounts, aliases) run without a
 * server (issue 14): those commands, the store packages their services need (scanned here, eight of the
 * store's packages, not the whole of {@code org.courriel}; beans made lazily) and the eight auto-configurations
 * a JDBC store needs, listed here; no other module, no web server, no auto-configuration conditions to
 * evaluate, no metrics export (a simple registry takes the store's meters). Every other command keeps the
 * application's context ({@link StandaloneContext#application(String)}).
 */
// Not a @Configuration: the application's component scan of org.courriel must not find it (its meter registry
// would replace the server's); as the source of its own SpringApplication it is read all the same.
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        ConfigurationPropertiesAutoConfiguration.class,
        DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class,
        FlywayAutoConfiguration.class})
@ComponentScan({"org.courriel.store.account", "org.courriel.store.mailbox", "org.courriel.store.message",
        "org.courriel.store.commit", "org.courriel.store.content", "org.courriel.store.event",
        "org.courriel.store.training", "org.courriel.store.disk", "org.courriel.store.acl"})
@Import({StoreConfiguration.class, AdminCli.class, DomainCommands.class, UserCommands.class, AliasCommands.class})
class StoreCommandContext {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
