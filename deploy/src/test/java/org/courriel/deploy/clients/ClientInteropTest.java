package org.courriel.deploy.clients;

import org.courriel.CourrielApplication;
import org.courriel.deploy.testing.InProcessServerTest;
import org.courriel.store.testing.FailOnErrorLogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application the real-client tests of this package drive (Roundcube, mutt): one Spring context, cached and
 * shared by them, IMAP without TLS on loopback; each test uses accounts of its own in one domain.
 */
@SpringBootTest(classes = CourrielApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"courriel.data-dir=target/test-data/clients",
                "spring.datasource.url=jdbc:h2:mem:clients;DB_CLOSE_DELAY=-1"})
@ExtendWith(FailOnErrorLogs.class)
abstract class ClientInteropTest extends InProcessServerTest {

    static final String DOMAIN = "clients.example";
    static final String PASSWORD = "a client password";

    @BeforeEach
    void domain() {
        if (!domains.isLocal(DOMAIN)) {
            domains.add(DOMAIN);
        }
    }

    /** A new account of {@link #DOMAIN} with {@link #PASSWORD}, and a probe of it. */
    ImapProbe account(String localPart) {
        String address = localPart + "@" + DOMAIN;
        accounts.create(address, PASSWORD, null, 0);
        return new ImapProbe(imap.port(), address, PASSWORD);
    }

    /** A small message with these fields ({@code extraFields} end in CRLF) and text. */
    static String message(String id, String from, String subject, String date, String extraFields, String text) {
        return "Message-ID: " + id + "\r\nFrom: " + from + "\r\nTo: someone@" + DOMAIN + "\r\nSubject: " + subject
                + "\r\nDate: " + date + "\r\n" + extraFields + "\r\n" + text + "\r\n";
    }
}
