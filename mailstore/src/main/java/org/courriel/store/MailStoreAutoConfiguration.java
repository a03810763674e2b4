package org.courriel.store;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * Brings the store and the shared access plumbing into any Spring Boot application that has this module on
 * its class path (the server, and each module's tests). The store reads and writes its tables in plain SQL
 * (Spring's {@code JdbcClient}); there is no JPA.
 */
@AutoConfiguration
@ComponentScan(basePackages = {"org.courriel.store", "org.courriel.access"})
public class MailStoreAutoConfiguration {
}
