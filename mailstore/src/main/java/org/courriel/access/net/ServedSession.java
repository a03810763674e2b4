package org.courriel.access.net;

import java.io.IOException;

/** One protocol session on its connection's virtual thread, as a listener sees it (SMTP, IMAP, POP3, ManageSieve). */
public interface ServedSession {

    /** Serves the connection until the client leaves, a timeout, or a shutdown; the connection is closed after. */
    void run() throws IOException;

    /**
     * The listener stops: end at once when waiting for a command, else after the current one (SMTP 421, IMAP BYE,
     * POP3 -ERR). Called from another thread; must not block.
     */
    void shutdown();
}
