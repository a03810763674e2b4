package org.courriel.mta.relay.tls;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A domain's MTA-STS policy as fetched (RFC 8461 §3.2).
 *
 * @param mode   what a sender does when a check fails
 * @param mx     the MX patterns ({@code mail.example.com}, {@code *.example.net})
 * @param maxAge how long the policy may be cached (at most 31557600 s)
 */
public record MtaStsPolicy(Mode mode, List<String> mx, Duration maxAge) {

    /** RFC 8461 §5. */
    public enum Mode {
        /** Deliver only to a listed MX over TLS with a valid certificate for its name; else defer. */
        ENFORCE,
        /** Deliver anyway; failures are only reported. */
        TESTING,
        /** The domain withdrew its policy. */
        NONE
    }

    public MtaStsPolicy {
        mx = mx.stream().map(MtaStsPolicy::normal).toList();
    }

    /**
     * RFC 8461 §4.1: a pattern is the host name or {@code *.} and a suffix, the wildcard standing for exactly
     * one left-most label; compared without case and without a final dot.
     */
    public boolean allows(String mxHost) {
        String host = normal(mxHost);
        for (String pattern : mx) {
            if (pattern.startsWith("*.")) {
                String suffix = pattern.substring(1); // ".example.net"
                int dot = host.indexOf('.');
                if (dot > 0 && host.substring(dot).equals(suffix)) {
                    return true;
                }
            } else if (pattern.equals(host)) {
                return true;
            }
        }
        return false;
    }

    private static String normal(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
