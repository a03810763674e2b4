package org.courriel.mta.auth.records;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link MtaStsProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MtaStsProperties.class)
public class RecordsConfiguration {
}
