package org.courriel.mta;

import org.courriel.mta.testing.TestApplicationBeans;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The store and the MTA as their tests start them (everything under {@code org.courriel}: this module's
 * tests see no other protocol module) (the deploy module brings the real registry). DNS answers
 * "no such domain" to everything: tests route with {@code courriel.relay.routes} and never touch DNS.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = "org.courriel")
@ComponentScan(basePackages = "org.courriel", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
@Import(TestApplicationBeans.class)
public class MtaTestApplication {
}
