package org.courriel.imap.session;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The gateway's meters: {@code courriel.imap.sessions} and {@code courriel.imap.idle.sessions} (gauges),
 * {@code courriel.imap.commands} (counter by command and result), {@code courriel.imap.command.time} (timer by
 * command, from reading the command to its tagged reply), {@code courriel.imap.tls.handshakes}
 * (counter by kind: starttls, implicit; and result).
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

    /** A command completed with its tagged reply; {@code startedNanos} is when its line was read. */
    void command(String name, String result, long startedNanos) {
        Counter.builder("courriel.imap.commands").description("IMAP commands by name and result")
                .tag("command", name).tag("result", result).register(registry).increment();
        Timer.builder("courriel.imap.command.time").description("From reading an IMAP command to its tagged reply")
                .tag("command", name).register(registry).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    public void tlsHandshake(String kind, boolean success) {
        Counter.builder("courriel.imap.tls.handshakes").description("TLS handshakes on IMAP listeners")
                .tag("kind", kind).tag("result", success ? "success" : "failure").register(registry).increment();
    }
}
