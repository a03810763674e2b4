package org.courriel.imap.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the gateway's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ImapProperties.class, ImapsProperties.class, ImapMetadataProperties.class})
public class ImapConfiguration {
}
