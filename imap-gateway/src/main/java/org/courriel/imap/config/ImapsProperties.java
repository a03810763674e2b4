package org.courriel.imap.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The implicit-TLS IMAP listener ({@code courriel.imaps.*}, RFC 8314 §3.3); other settings are those of
 * {@code courriel.imap.*}. Changes take effect on restart.
 *
 * @param port port of the listener where TLS starts at once; 0 picks a free port, -1 turns it off
 */
@ConfigurationProperties("courriel.imaps")
public record ImapsProperties(@DefaultValue("1993") int port) {
}
