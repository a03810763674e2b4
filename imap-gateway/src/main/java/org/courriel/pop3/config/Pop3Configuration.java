package org.courriel.pop3.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the POP3 server's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({Pop3Properties.class, Pop3sProperties.class})
public class Pop3Configuration {
}
