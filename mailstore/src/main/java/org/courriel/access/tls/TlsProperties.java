package org.courriel.access.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * TLS for every listener ({@code courriel.tls.*}).
 *
 * @param bundle the Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) holding the server certificate and key;
 *               when no bundle of that name is configured, the server generates a self-signed certificate for
 *               {@code courriel.hostname} in the data directory on first start
 */
@ConfigurationProperties("courriel.tls")
public record TlsProperties(@DefaultValue("courriel") String bundle) {
}
