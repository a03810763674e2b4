package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.courriel.deploy.testing.InProcessServerTest;
import org.courriel.CourrielApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;


/**
 * docs/metrics.md is the reference of what {@code /actuator/prometheus} exports: after a little SMTP, IMAP and
 * REST traffic, every exported {@code courriel_*} family (and Spring's REST latency) has a row of the same type,
 * and every row names a family that is exported, unless the row says it appears only after some event.
 */
@SpringBootTest(classes = CourrielApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"courriel.data-dir=target/test-data/metrics",
            "spring.datasource.url=jdbc:h2:mem:metrics;DB_CLOSE_DELAY=-1"})
class MetricsDocumentedTest extends InProcessServerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalManagementPort
    int managementPort;

    @Test
    void everyExportedFamilyIsDocumentedAndEveryDocumentedFamilyIsExported() throws Exception {
        driveTraffic();
        Map<String, String> exported = ExportedFamilies.parse(scrape());
        Map<String, MetricsDocument.Row> documented = MetricsDocument.read();

        Map<String, String> undocumented = new TreeMap<>(exported);
        undocumented.keySet().removeAll(documented.keySet());
        assertThat(undocumented).as("families exported but missing from docs/metrics.md").isEmpty();

        Set<String> neverExported = new TreeSet<>();
        documented.forEach((family, row) -> {
            if (!exported.containsKey(family) && !row.appearsLater()) {
                neverExported.add(family);
            }
        });
        assertThat(neverExported).as("families in docs/metrics.md that are not exported").isEmpty();

        exported.forEach((family, type) -> assertThat(documented.get(family).type())
                .as("type of %s", family).isEqualTo(type));
    }

    @Test
    void latencyTimersPublishTheirServiceLevelBuckets() throws Exception {
        driveTraffic();
        String scrape = scrape();
        for (String family : new String[] {"courriel_smtp_data_time_seconds", "courriel_imap_command_time_seconds",
                "courriel_queue_delivery_time_seconds", "courriel_store_commit_seconds", "courriel_store_sync_seconds",
                "http_server_requests_seconds"}) {
            assertThat(ExportedFamilies.parse(scrape)).containsEntry(family, "histogram");
            assertThat(scrape).as(family).containsPattern("(?m)^" + family + "_bucket\\{.*le=\"1\\.0\".*\\} ");
        }
    }

    @Test
    void databaseGaugesReadTheStoreAndTheQueue() throws Exception {
        driveTraffic();
        String scrape = scrape();
        assertThat(sample(scrape, "courriel_store_size_bytes")).isPositive();
        assertThat(sample(scrape, "courriel_queue_recipients{state=\"queued\"}")).isNotNaN().isNotNegative();
        assertThat(sample(scrape, "courriel_queue_oldest_age_seconds")).isNotNaN().isNotNegative();
        assertThat(sample(scrape, "courriel_tls_certificate_expiry_seconds{listener=\"imaps\"}"))
                .isGreaterThan(Duration.ofDays(1).toSeconds());
    }

    private static double sample(String scrape, String series) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        throw new AssertionError(series + " not in the scrape");
    }

    private void driveTraffic() throws Exception {
        if (!domains.isLocal("metrics.example.org")) {
            domains.add("metrics.example.org");
            accounts.create("erin@metrics.example.org", "erin's password", "Erin", 0);
        }
        sendOverSmtp("frank@elsewhere.example.net", "erin@metrics.example.org", "Counted", "Every meter has a row.");
        try (var client = new OneStoreThreeProtocolsTest.ImapClient(imap.port())) {
            client.command("a1 LOGIN erin@metrics.example.org \"erin's password\"", "a1 OK");
            client.command("a2 SELECT INBOX", "a2 OK");
            client.send("a3 IDLE");
            client.expect("^\\+ .*");
            client.send("DONE");
            client.expect("^a3 OK.*");
            client.command("a4 LOGOUT", "a4 OK");
        }
        HttpResponse<String> mailboxes = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/mailboxes"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("erin@metrics.example.org:erin's password".getBytes(StandardCharsets.UTF_8)))
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(mailboxes.statusCode()).as(mailboxes.body()).isEqualTo(200);
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
