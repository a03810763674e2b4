package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.search.MessageSearch;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** A bug in a command is answered NO [SERVERBUG] with an error log, and the session goes on. */
class InternalErrorTest extends ImapTestSupport {

    @MockitoBean
    MessageSearch search;

    @Test
    void bugIsNoWithErrorLogAndTheSessionGoesOn() throws Exception {
        when(search.search(anyLong(), any())).thenThrow(new IllegalStateException("simulated bug"));
        deliver("INBOX", "one");
        try (ImapClient client = new ImapClient(port())) {
            client.readLine();
            client.command("a1", "LOGIN " + user + " \"" + PASSWORD + "\"");
            client.command("a2", "SELECT INBOX");
            assertThat(client.command("a3", "SEARCH ALL")).last().asString().startsWith("a3 NO [SERVERBUG]")
                    .doesNotContain("simulated");
            assertThat(client.command("a4", "FETCH 1 (UID)")).containsExactly("* 1 FETCH (UID 1)", "a4 OK FETCH completed");
        }
        assertThat(expectServerErrors()).anyMatch(m -> m.contains("SEARCH"));
    }
}
