package org.courriel.imap.session;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gateway's meters: {@code courriel.imap.sessions} and {@code courriel.imap.idle.sessions} (gauges),
 * {@code courriel.imap.commands} (counter by command and result), {@code courriel.imap.tls.handshakes}
 * (counter by kind: starttls, implicit; and result), {@code courriel.imap.timeouts} (counter by kind: idle,
 * deadline).
 */
@Component
public class ImapMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger idle = new AtomicInteger();

    public ImapMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("courriel.imap.sessions", sessions, AtomicInteger::get)
                .description("IMAP connections open").register(registry);
        Gauge.builder("courriel.imap.idle.sessions", idle, AtomicInteger::get)
                .description("IMAP sessions in IDLE").register(registry);
    }

    void sessionOpened() {
        sessions.incrementAndGet();
    }

    void sessionClosed() {
        sessions.decrementAndGet();
    }

    public void idleStarted() {
        idle.incrementAndGet();
    }

    public void idleEnded() {
        idle.decrementAndGet();
    }

    void command(String name, String result) {
        Counter.builder("courriel.imap.commands").description("IMAP commands by name and result")
                .tag("command", name).tag("result", result).register(registry).increment();
    }

    /** @param kind idle (silent past the idle or login timeout) or deadline (a command sent too slowly) */
    void timeout(String kind) {
        Counter.builder("courriel.imap.timeouts").description("IMAP sessions ended by a timeout")
                .tag("kind", kind).register(registry).increment();
    }

    public void tlsHandshake(String kind, boolean success) {
        Counter.builder("courriel.imap.tls.handshakes").description("TLS handshakes on IMAP listeners")
                .tag("kind", kind).tag("result", success ? "success" : "failure").register(registry).increment();
    }
}
