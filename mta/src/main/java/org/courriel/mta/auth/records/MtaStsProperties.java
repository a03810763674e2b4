package org.courriel.mta.auth.records;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MTA-STS policy this server publishes for its domains ({@code courriel.mta-sts.*}, RFC 8461 §3.2).
 * Changes take effect on restart; the policy id in DNS changes with them.
 *
 * @param mode   {@code testing} (senders report failures but deliver) or {@code enforce} (senders refuse to
 *               deliver without valid TLS): switch to enforce once the certificate is one public CAs vouch for
 * @param maxAge how long senders may cache the policy (RFC 8461 §3.2: at most 31557600 seconds)
 */
@ConfigurationProperties("courriel.mta-sts")
public record MtaStsProperties(@DefaultValue("testing") String mode, @DefaultValue("7d") Duration maxAge) {

    public MtaStsProperties {
        if (!mode.equals("testing") && !mode.equals("enforce") && !mode.equals("none")) {
            throw new IllegalArgumentException("courriel.mta-sts.mode must be testing, enforce or none");
        }
        if (maxAge.isNegative() || maxAge.getSeconds() > 31_557_600) {
            throw new IllegalArgumentException("courriel.mta-sts.max-age must be between 0 and 31557600 seconds");
        }
    }
}
