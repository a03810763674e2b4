package org.courriel.deploy.maillog;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The mail log's own file, when one is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailLogProperties.class)
public class MailLogConfiguration {

    @Bean
    @Lazy(false) // the admin command line's context is lazy; a running server writes from its start
    MailLogFile mailLogFile(MailLogProperties properties) {
        return new MailLogFile(properties);
    }
}
