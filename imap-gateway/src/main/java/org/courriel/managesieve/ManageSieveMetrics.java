package org.courriel.managesieve;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/** ManageSieve counters; docs/metrics.md lists them. */
@Component
class ManageSieveMetrics {

    private final MeterRegistry registry;

    ManageSieveMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** courriel.managesieve.logins{result=success|failure}. */
    void login(boolean success) {
        registry.counter("courriel.managesieve.logins", "result", success ? "success" : "failure").increment();
    }

    /** courriel.managesieve.starttls: STARTTLS handshakes completed. */
    void tls() {
        registry.counter("courriel.managesieve.starttls").increment();
    }

    /** courriel.managesieve.commands{command}: commands executed after login. */
    void command(String name) {
        registry.counter("courriel.managesieve.commands", "command", name).increment();
    }
}
