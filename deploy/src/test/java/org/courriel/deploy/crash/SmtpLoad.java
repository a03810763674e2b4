package org.courriel.deploy.crash;

import java.io.IOException;

import org.courriel.deploy.testing.LineConnection;

/**
 * One SMTP session to the MX listener that sends distinct messages until the server dies, recording each
 * message before it goes out and again once the server answered 250 to its final dot (RFC 5321 §4.1.1.4:
 * from then on the server is responsible for it). A 421 4.3.2 ends the session quietly: the server is
 * stopping gracefully.
 */
final class SmtpLoad extends LoadSession {

    SmtpLoad(int port, String prefix, long seed, Ledger ledger) {
        super(port, prefix, seed, ledger);
    }

    @Override
    public void run() {
        try (LineConnection c = new LineConnection(port)) {
            expect(c.reply(), "220");
            c.send("EHLO load.sender.test");
            expect(c.reply(), "250");
            for (int n = 0; !Thread.currentThread().isInterrupted(); n++) {
                Next next = message(n);
                byte[] message = next.bytes();
                LoadMessage m = next.entry();
                c.send("MAIL FROM:<load@sender.test>");
                expect(c.reply(), "250");
                c.send("RCPT TO:<crash@crash.test>");
                expect(c.reply(), "250");
                c.send("DATA");
                expect(c.reply(), "354");
                ledger.sending(m);
                // no line of ours starts with a dot, so nothing needs stuffing (RFC 5321 §4.5.2)
                c.sendBytes(message);
                c.send(".");
                expect(c.reply(), "250");
                ledger.acknowledged(m);
            }
        } catch (ShuttingDown e) {
            ledger.shutdownNotices.incrementAndGet();
        } catch (IOException e) {
            // the server was killed
        }
    }

    /** The server said 421 4.3.2: it is stopping, and closes the session (RFC 5321 §3.8). */
    static final class ShuttingDown extends IOException {
        ShuttingDown(String reply) {
            super(reply);
        }
    }

    static void expect(String reply, String code) throws IOException {
        if (reply.startsWith("421 4.3.2")) {
            throw new ShuttingDown(reply);
        }
        if (!reply.startsWith(code)) {
            throw new IllegalStateException("expected " + code + ", got: " + reply);
        }
    }
}
