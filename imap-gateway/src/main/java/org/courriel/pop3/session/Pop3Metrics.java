package org.courriel.pop3.session;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The POP3 server's meters: {@code courriel.pop3.sessions} (gauge), {@code courriel.pop3.commands} (counter by
 * command and result: ok, err), {@code courriel.pop3.command.time} (timer by command),
 * {@code courriel.pop3.tls.handshakes} (counter by kind: stls, implicit; and result) and
 * {@code courriel.pop3.timeouts} (counter by kind: idle, deadline). Logins are counted by the shared
 * {@code courriel.auth.attempts} with {@code protocol=pop3}.
 */
@Component
public class Pop3Metrics {

    private final MeterRegistry registry;
    private final AtomicInteger sessions = new AtomicInteger();

    public Pop3Metrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("courriel.pop3.sessions", sessions, AtomicInteger::get)
                .description("POP3 connections open").register(registry);
    }

    void sessionOpened() {
        sessions.incrementAndGet();
    }

    void sessionClosed() {
        sessions.decrementAndGet();
    }

    /** A command answered; {@code startedNanos} is when its line was read. */
    void command(String name, boolean ok, long startedNanos) {
        Counter.builder("courriel.pop3.commands").description("POP3 commands by name and result")
                .tag("command", name).tag("result", ok ? "ok" : "err").register(registry).increment();
        Timer.builder("courriel.pop3.command.time").description("From reading a POP3 command to the end of its reply")
                .tag("command", name).register(registry).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /** @param kind idle (silent past the idle or login timeout) or deadline (a command line sent too slowly) */
    void timeout(String kind) {
        Counter.builder("courriel.pop3.timeouts").description("POP3 sessions ended by a timeout")
                .tag("kind", kind).register(registry).increment();
    }

    public void tlsHandshake(String kind, boolean success) {
        Counter.builder("courriel.pop3.tls.handshakes").description("TLS handshakes on POP3 listeners")
                .tag("kind", kind).tag("result", success ? "success" : "failure").register(registry).increment();
    }
}
