package org.courriel.api.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLSocket;

import org.courriel.api.ApiTestApplication;
import org.courriel.mta.smtp.SmtpServers;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.mta.testing.dns.TestDnsServer;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.FailOnErrorLogs;
import org.courriel.store.testing.TestTls;
import org.courriel.store.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Courriel orders its certificate from Debian's Pebble (Let's Encrypt's test CA) on loopback: Pebble validates
 * HTTP-01 for real, on Courriel's REST port, resolving the names through an in-test DNS server; the SMTPS
 * listener then presents a certificate Pebble's CA issued, and a renewal replaces it without a restart.
 */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"courriel.hostname=mail.acme.test", "courriel.acme.enabled=true",
                "courriel.acme.names=mta-sts.acme.test", "courriel.acme.domain-names=false",
                "courriel.acme.email=postmaster@acme.test", "courriel.acme.check-interval=1h",
                "courriel.acme.timeout=30s", "server.address=127.0.0.1",
                "courriel.submissions.enabled=true", "courriel.submissions.port=0",
                "courriel.submissions.bind-address=127.0.0.1", TestTls.CERTIFICATE, TestTls.PRIVATE_KEY})
@ExtendWith(FailOnErrorLogs.class)
class PebbleAcmeTest {

    private static final Duration ISSUANCE = Duration.ofSeconds(90);
    private static TestDnsServer dns;
    private static Process pebble;
    private static int managementPort;
    private static int restPort;
    private static Path dir;

    @Autowired
    AcmeRenewal renewal;
    @Autowired
    SmtpServers smtp;

    @DynamicPropertySource
    static void pebble(DynamicPropertyRegistry registry) throws IOException {
        Path binary = Tools.require("pebble", "pebble");
        dir = Files.createTempDirectory("pebble");
        Path cert = copy("/testing/tls/cert.pem", dir.resolve("cert.pem"));
        Path key = copy("/testing/tls/key.pem", dir.resolve("key.pem"));
        restPort = freePort();
        int acmePort = freePort();
        managementPort = freePort();
        dns = TestDnsServer.start().zone("acme.test", "mail A 127.0.0.1\nmta-sts A 127.0.0.1\n");
        Path config = dir.resolve("pebble-config.json");
        Files.writeString(config, """
                {"pebble": {"listenAddress": "127.0.0.1:%d", "managementListenAddress": "127.0.0.1:%d",
                  "certificate": "%s", "privateKey": "%s", "httpPort": %d, "tlsPort": %d,
                  "ocspResponderURL": "", "externalAccountBindingRequired": false}}
                """.formatted(acmePort, managementPort, cert, key, restPort, freePort()));
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "-config", config.toString(),
                "-dnsserver", dns.address()).redirectErrorStream(true).redirectOutput(dir.resolve("pebble.log").toFile());
        builder.environment().put("PEBBLE_VA_NOSLEEP", "1");
        builder.environment().put("PEBBLE_WFE_NONCEREJECT", "0");
        pebble = builder.start();
        Await.until("pebble listening on " + acmePort + " (log: " + dir.resolve("pebble.log") + ")",
                () -> connects(acmePort));
        registry.add("server.port", () -> restPort);
        registry.add("courriel.acme.directory-url", () -> "https://127.0.0.1:" + acmePort + "/dir");
        registry.add("courriel.acme.trusted-certificate", cert::toString);
    }

    @AfterAll
    static void stop() {
        if (pebble != null) {
            pebble.destroy();
            pebble.onExit().join();
        }
        if (dns != null) {
            dns.close();
        }
        if (dir != null) {
            FileSystemUtils.deleteRecursively(dir.toFile());
        }
    }

    @Test
    void theSmtpsListenerPresentsACertificateIssuedByPebble() throws Exception {
        X509Certificate served = awaitIssued();
        assertThat(served.getSubjectAlternativeNames()).extracting(n -> (Object) n.get(1))
                .contains((Object) "mail.acme.test", "mta-sts.acme.test");
        served.verify(pebbleIntermediate().getPublicKey()); // signed by Pebble's CA, not the test certificate
    }

    @Test
    void aRenewalReplacesTheCertificateWithoutARestart() throws Exception {
        BigInteger first = awaitIssued().getSerialNumber();
        renewal.renew();
        X509Certificate renewed = presented();
        assertThat(renewed.getSerialNumber()).isNotEqualTo(first);
        renewed.verify(pebbleIntermediate().getPublicKey());
    }

    @Test
    void anUnknownChallengeTokenIsNotFoundWithoutCredentials() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + restPort + AcmeChallengeController.PREFIX + "no-such-token"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    /** Waits for the first order (made by the check at start) to be served. */
    private X509Certificate awaitIssued() throws Exception {
        Await.until("a certificate issued by pebble on the SMTPS listener", ISSUANCE,
                () -> !presented().getIssuerX500Principal().equals(presented().getSubjectX500Principal()));
        return presented();
    }

    /** The leaf certificate the SMTPS listener presents over a real TLS handshake. */
    private X509Certificate presented() {
        try (SSLSocket socket = (SSLSocket) TestTls.anyCertificateContext().getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", smtp.port(ListenerKind.SUBMISSIONS)), 10_000);
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The intermediate CA Pebble signs with, from its management interface. */
    private static X509Certificate pebbleIntermediate() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(TestTls.clientContext()).build();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + managementPort + "/intermediates/0"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static Path copy(String resource, Path to) throws IOException {
        try (InputStream in = PebbleAcmeTest.class.getResourceAsStream(resource)) {
            Files.write(to, in.readAllBytes());
        }
        return to;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean connects(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
