package org.courriel.deploy.crash;

import java.io.IOException;

import org.courriel.deploy.testing.LineConnection;

/**
 * One IMAP session that APPENDs distinct messages to INBOX until the server dies, recording each message
 * before it goes out and again on the tagged OK (RFC 9051 §6.3.12: the message is then in the mailbox).
 */
final class ImapAppendLoad extends LoadSession {

    ImapAppendLoad(int port, String prefix, long seed, Ledger ledger) {
        super(port, prefix, seed, ledger);
    }

    @Override
    public void run() {
        try (LineConnection c = new LineConnection(port)) {
            c.line(); // greeting
            c.send("l LOGIN " + CrashCampaignTest.USER + " \"" + CrashCampaignTest.PASSWORD + "\"");
            tagged(c, "l");
            for (int n = 0; !Thread.currentThread().isInterrupted(); n++) {
                Next next = message(n);
                byte[] message = next.bytes();
                LoadMessage m = next.entry();
                String tag = "a" + n;
                c.send(tag + " APPEND INBOX {" + message.length + "}");
                String go = c.line();
                if (!go.startsWith("+")) {
                    throw new IllegalStateException("APPEND refused: " + go);
                }
                ledger.sending(m);
                c.sendBytes(message);
                c.send("");
                tagged(c, tag);
                ledger.acknowledged(m);
            }
        } catch (IOException e) {
            // the server was killed
        }
    }

    /** Reads to the tagged reply and requires OK. */
    private static void tagged(LineConnection c, String tag) throws IOException {
        String line;
        do {
            line = c.line();
        } while (!line.startsWith(tag + " "));
        if (!line.startsWith(tag + " OK")) {
            throw new IllegalStateException("refused: " + line);
        }
    }
}
