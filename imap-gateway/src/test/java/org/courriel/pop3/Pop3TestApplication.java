package org.courriel.pop3;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The gateway's IMAP and POP3 servers over the store, as the POP3 tests start them (IMAP watches POP3's changes).
 * The scan of {@code org.courriel.imap} brings {@code ImapTestApplication} and its meter registry along.
 */
@SpringBootApplication(scanBasePackages = {"org.courriel.imap", "org.courriel.pop3"})
public class Pop3TestApplication {
}
