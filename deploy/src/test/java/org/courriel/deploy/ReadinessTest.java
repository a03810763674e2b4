package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courriel.CourrielApplication;
import org.courriel.imap.server.ImapServer;
import org.courriel.pop3.server.Pop3Server;
import org.courriel.mta.queue.QueueWorker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * {@code /actuator/health/readiness} on the management port says whether this node can take mail: it
 * follows the listeners and the queue worker, and checks the database and the data directory's disk;
 * {@code /actuator/health/liveness} stays up through all of it and never asks the database.
 */
@SpringBootTest(classes = CourrielApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"courriel.data-dir=target/test-data/readiness",
            "spring.datasource.url=jdbc:h2:mem:readiness;DB_CLOSE_DELAY=-1"})
class ReadinessTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    ImapServer imap;
    @Autowired
    QueueWorker queueWorker;
    @Autowired
    Pop3Server pop3;
    @LocalManagementPort
    int managementPort;

    @Test
    void readyWhenDatabaseListenersQueueAndDiskAreUp() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        for (String component : new String[] {"db", "listeners", "queueWorkers", "diskSpace", "readinessState"}) {
            assertThat(status(readiness.body(), component)).as(readiness.body()).isEqualTo("UP");
        }
        assertThat(readiness.body()).contains("\"mx\":").contains("\"imap\":");
    }

    @Test
    void notReadyWhileTheImapListenersAreClosedButStillLive() throws Exception {
        imap.stop();
        try {
            HttpResponse<String> readiness = get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
            assertThat(status(readiness.body(), "listeners")).as(readiness.body()).isEqualTo("DOWN");
            assertThat(readiness.body()).contains("\"imap\":\"not listening\"");
            HttpResponse<String> liveness = get("/actuator/health/liveness");
            assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
        } finally {
            imap.start();
        }
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void notReadyWhileThePop3ListenersAreClosed() throws Exception {
        assertThat(get("/actuator/health/readiness").body()).contains("\"pop3\":" + pop3.port())
                .contains("\"pop3s\":" + pop3.implicitTlsPort());
        pop3.stop();
        try {
            HttpResponse<String> readiness = get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"pop3\":\"not listening\"");
        } finally {
            pop3.start();
        }
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void notReadyOnceTheQueueWorkerHasStopped() throws Exception {
        queueWorker.stop();
        try {
            HttpResponse<String> readiness = get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
            assertThat(status(readiness.body(), "queueWorkers")).as(readiness.body()).isEqualTo("DOWN");
        } finally {
            queueWorker.start();
        }
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void livenessIsCheapAndAsksNoDatabase() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"UP\"").doesNotContain("\"db\"").doesNotContain("listeners");
    }

    /** The status of one component of a health answer (its details hold no nested objects). */
    private static String status(String health, String component) {
        Matcher m = Pattern.compile("\"" + component + "\":\\{(?:[^{}]|\\{[^{}]*\\})*?\"status\":\"(\\w+)\"")
                .matcher(health);
        assertThat(m.find()).as("%s in %s", component, health).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
