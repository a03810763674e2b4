package org.courriel.mta.relay.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;

import org.courriel.mta.testing.LoopbackNames;
import org.courriel.mta.testing.MtaStsPolicyServer;
import org.courriel.mta.testing.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** RFC 8461 §3.3: the policy over HTTPS with a valid certificate for {@code mta-sts.<domain>}, bounded. */
class MtaStsFetcherTest {

    static final TestCa CA = TestCa.create("Test CA");
    static final MtaStsPolicyServer SERVER = MtaStsPolicyServer.start(
            CA.issue("mta-sts.fetch.example", "mta-sts.big.example", "mta-sts.missing.example").serverContext())
            .policy("fetch.example", "version: STSv1\r\nmode: testing\r\nmx: mx.fetch.example\r\nmax_age: 60\r\n")
            .policy("big.example", "version: STSv1\r\n" + "x: y\r\n".repeat(100))
            .policy("misnamed.example", "version: STSv1\r\n");

    final MtaStsFetcher fetcher = new MtaStsFetcher(CA.clientTrust(), Duration.ofSeconds(5), 256, SERVER.port());

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void fetchesThePolicyOfTheDomain() throws IOException {
        assertThat(fetcher.fetch("fetch.example")).startsWith("version: STSv1\r\nmode: testing");
    }

    @Test
    void aPolicyOverTheSizeBoundIsNoPolicy() {
        assertThatThrownBy(() -> fetcher.fetch("big.example")).isInstanceOf(IOException.class)
                .hasMessageContaining("longer than 256 bytes");
    }

    @Test
    void onlyA200IsAPolicy() {
        LoopbackNames.add("mta-sts.missing.example");
        assertThatThrownBy(() -> fetcher.fetch("missing.example")).isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void aCertificateNotNamingThePolicyHostIsRefused() {
        // the server's certificate does not name mta-sts.misnamed.example
        assertThatThrownBy(() -> fetcher.fetch("misnamed.example")).isInstanceOf(IOException.class)
                .hasMessageContaining("SSLHandshakeException");
    }

    @Test
    void aCertificateFromAnUntrustedCaIsRefused() {
        MtaStsFetcher trustingOthers = new MtaStsFetcher(TestCa.create("Other").clientTrust(), Duration.ofSeconds(5),
                256, SERVER.port());
        assertThatThrownBy(() -> trustingOthers.fetch("fetch.example")).isInstanceOf(IOException.class)
                .hasMessageContaining("SSLHandshakeException");
    }
}
