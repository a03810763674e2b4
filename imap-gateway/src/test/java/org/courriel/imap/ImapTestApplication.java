package org.courriel.imap;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The gateway over the store, as its tests start it. Its SimpleMeterRegistry comes from the mailstore
 * test-jar's {@code StoreTestApplication}, which the store's component scan of {@code org.courriel.store}
 * finds on the test class path (declaring a second one here would clash with it).
 */
@SpringBootApplication
public class ImapTestApplication {
}
