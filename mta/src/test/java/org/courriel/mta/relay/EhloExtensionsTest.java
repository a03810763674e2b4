package org.courriel.mta.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class EhloExtensionsTest {

    @Test
    void readsTheExtensionsTheClientUses() {
        RemoteReply ehlo = new RemoteReply(250, null, List.of("mx.example.org greets you", "PIPELINING", "SIZE 35882577",
                "8BITMIME", "STARTTLS", "AUTH PLAIN login", "DSN", "SMTPUTF8", "ENHANCEDSTATUSCODES", "CHUNKING"));
        EhloExtensions e = EhloExtensions.parse(ehlo);
        assertThat(e.pipelining()).isTrue();
        assertThat(e.size()).isTrue();
        assertThat(e.maxSize()).isEqualTo(35882577L);
        assertThat(e.eightBitMime()).isTrue();
        assertThat(e.startTls()).isTrue();
        assertThat(e.dsn()).isTrue();
        assertThat(e.smtpUtf8()).isTrue();
        assertThat(e.authMechanisms()).containsExactlyInAnyOrder("PLAIN", "LOGIN");
        assertThat(e.requireTls()).isFalse();
    }

    @Test
    void readsRequireTls() {
        RemoteReply ehlo = new RemoteReply(250, null, List.of("mx.example.org", "STARTTLS", "requiretls"));
        assertThat(EhloExtensions.parse(ehlo).requireTls()).isTrue(); // RFC 8689 §2
    }

    @Test
    void keywordsAreCaseInsensitiveAndTheGreetingLineIsNoExtension() {
        EhloExtensions e = EhloExtensions.parse(new RemoteReply(250, null, List.of("PIPELINING", "starttls", "size")));
        assertThat(e.pipelining()).isFalse();
        assertThat(e.startTls()).isTrue();
        assertThat(e.size()).isTrue();
        assertThat(e.maxSize()).isZero();
    }

    @Test
    void aServerAnsweringOnlyTheGreetingOffersNothing() {
        EhloExtensions e = EhloExtensions.parse(new RemoteReply(250, null, List.of("hello")));
        assertThat(e).isEqualTo(new EhloExtensions(false, false, false, false, false, false, 0, java.util.Set.of()));
    }
}
