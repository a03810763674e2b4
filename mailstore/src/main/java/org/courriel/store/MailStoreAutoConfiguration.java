package org.courriel.store;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Brings the store and the shared access plumbing into any Spring Boot application that has this module on
 * its class path (the server, and each module's tests). Entities and Spring Data repositories are looked
 * up under {@code org.courriel}, so every module's are found wherever the application class lives.
 */
@AutoConfiguration
@EntityScan("org.courriel")
@EnableJpaRepositories("org.courriel")
@ComponentScan(basePackages = {"org.courriel.store", "org.courriel.access"})
public class MailStoreAutoConfiguration {
}
