package org.courriel.mta.relay.tls;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code courriel.relay.tls.policy} counts one per MX host and route: {@code policy} dane, mta-sts or none,
 * {@code result} what it made of the host (authenticated, encrypted, enforce, testing, mismatch, failed).
 */
final class TlsPolicyMetrics {

    private final MeterRegistry meters;

    TlsPolicyMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(String policy, String result) {
        if (meters != null) {
            Counter.builder("courriel.relay.tls.policy").tag("policy", policy).tag("result", result)
                    .description("destination TLS policies applied to MX hosts").register(meters).increment();
        }
    }
}
