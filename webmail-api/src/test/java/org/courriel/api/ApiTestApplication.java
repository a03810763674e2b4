package org.courriel.api;

import org.courriel.mta.testing.TestApplicationBeans;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The store, local delivery, the real outbound queue and the API, as the API's tests start them (the deploy
 * module brings the real registry). DNS answers "no such domain" to everything: remote test domains are
 * routed with {@code courriel.relay.routes} to a closed loopback port, so queued mail only defers.
 */
@SpringBootConfiguration
// as the deploy module should: the API authenticates accounts itself, Boot's in-memory user is not wanted
@EnableAutoConfiguration(exclude = UserDetailsServiceAutoConfiguration.class)
@AutoConfigurationPackage(basePackages = "org.courriel")
// other modules' test applications (the reactor puts their test classes on this classpath) stay out
@ComponentScan(basePackages = "org.courriel", excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION,
        classes = {SpringBootApplication.class, SpringBootConfiguration.class}))
@Import(TestApplicationBeans.class)
public class ApiTestApplication {
}
