package org.courriel.pop3.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The implicit-TLS POP3 listener ({@code courriel.pop3s.*}, RFC 8314 §3.3); other settings are those of
 * {@code courriel.pop3.*}. Changes take effect on restart.
 *
 * @param port port of the listener where TLS starts at once; 0 picks a free port, -1 turns it off
 */
@ConfigurationProperties("courriel.pop3s")
public record Pop3sProperties(@DefaultValue("1995") int port) {
}
