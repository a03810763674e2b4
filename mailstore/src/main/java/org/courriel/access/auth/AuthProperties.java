package org.courriel.access.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling shared by SMTP AUTH and IMAP LOGIN/AUTHENTICATE ({@code courriel.auth.*}).
 *
 * @param maxFailuresPerIp      failed logins from one client address before it must wait
 * @param maxFailuresPerAccount failed logins for one account (from anywhere) before it must wait
 * @param window                how long a failure counts
 * @param coolDown              how long further attempts are refused once a limit is reached
 * @param maxTracked            most client addresses and names whose failures are remembered at once; past it,
 *                              expired entries, then those not cooling down, are forgotten
 */
@ConfigurationProperties("courriel.auth")
public record AuthProperties(
        @DefaultValue("10") int maxFailuresPerIp,
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("15m") Duration window,
        @DefaultValue("5m") Duration coolDown,
        @DefaultValue("100000") int maxTracked) {
}
