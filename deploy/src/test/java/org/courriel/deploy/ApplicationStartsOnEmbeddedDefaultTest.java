package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.courriel.CourrielApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

/**
 * The application as shipped: the embedded H2 default in a fresh data directory, migrations applied and
 * validated by Flyway, a self-signed certificate generated, metrics on the management port.
 */
@SpringBootTest(classes = CourrielApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "courriel.data-dir=" + ApplicationStartsOnEmbeddedDefaultTest.DIR})
class ApplicationStartsOnEmbeddedDefaultTest {

    /** A fresh data directory under target/ (the certificate is generated before test properties apply). */
    static final String DIR = "target/test-data/embedded-default";
    static final Path DATA = Path.of(DIR);

    static {
        org.springframework.util.FileSystemUtils.deleteRecursively(DATA.toFile());
    }

    @Autowired
    Environment environment;

    @Test
    void startsWithFileDatabaseCertificateAndMetrics() throws Exception {
        assertThat(DATA.resolve("courriel.mv.db")).exists();
        assertThat(DATA.resolve("tls/self-signed-certificate.pem")).exists();
        String port = environment.getProperty("local.management.port");
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("courriel_store_appends_total");
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"UP\"");
    }
}
