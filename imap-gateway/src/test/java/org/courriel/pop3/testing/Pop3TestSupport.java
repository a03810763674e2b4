package org.courriel.pop3.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.imap.testing.Transcript;
import org.courriel.pop3.server.Pop3Server;
import org.courriel.store.message.Flags;
import org.courriel.store.message.UidSet;
import org.courriel.pop3.Pop3TestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The gateway with its POP3 listeners on loopback, a fresh account per test, and POP3 transcripts. */
@SpringBootTest(classes = Pop3TestApplication.class)
public abstract class Pop3TestSupport extends ImapTestSupport {

    @Autowired
    protected Pop3Server pop3;

    protected int pop3Port() {
        return pop3.port();
    }

    /** Runs {@code /transcripts/NAME} against the POP3 listener, with the variables of IMAP transcripts. */
    protected void pop3Transcript(String name) throws Exception {
        Map<String, String> vars = new HashMap<>();
        vars.put("user", user);
        vars.put("password", PASSWORD);
        vars.put("plain", Base64.getEncoder().encodeToString(("\0" + user + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        vars.put("uidvalidity", String.valueOf(mailboxes.get(account.id(), "INBOX").uidValidity()));
        new Transcript(pop3Port(), vars, this::hook).run(Transcript.resource(name));
    }

    /**
     * Besides the IMAP hooks, {@code !raw SUBJECT} appends a message with bare LF line ends (as IMAP APPEND may),
     * {@code !remove UID} removes a message from the INBOX as another client's expunge would.
     */
    @Override
    protected void hook(String command, String argument, Map<String, String> variables) throws Exception {
        if (command.equals("remove")) {
            messages.remove(mailboxes.get(account.id(), "INBOX").id(), UidSet.of(Long.parseLong(argument)));
            return;
        }
        if (command.equals("raw")) {
            byte[] bare = new String(message(argument), StandardCharsets.US_ASCII).replace("\r\n", "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            messages.append(mailboxes.get(account.id(), "INBOX").id(), bare, Flags.NONE, Instant.now());
            return;
        }
        super.hook(command, argument, variables);
    }
}
