package org.courriel.deploy.crash;

import java.io.IOException;
import java.util.Random;

/**
 * One SMTP session to the MX listener that sends distinct messages until the server dies, recording each
 * message before it goes out and again once the server answered 250 to its final dot (RFC 5321 §4.1.1.4:
 * from then on the server is responsible for it). A 421 4.3.2 ends the session quietly: the server is
 * stopping gracefully.
 */
final class SmtpLoad implements Runnable {

    private final int port;
    private final String prefix;
    private final Ledger ledger;
    private final Random random;

    SmtpLoad(int port, String prefix, long seed, Ledger ledger) {
        this.port = port;
        this.prefix = prefix;
        this.ledger = ledger;
        this.random = new Random(seed);
    }

    @Override
    public void run() {
        try (LineConnection c = new LineConnection(port)) {
            expect(c.reply(), "220");
            c.send("EHLO load.sender.test");
            expect(c.reply(), "250");
            for (int n = 0; !Thread.currentThread().isInterrupted(); n++) {
                String id = prefix + "-" + n;
                byte[] message = LoadMessage.build(id, random);
                LoadMessage m = LoadMessage.of(id, message);
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
