package org.courriel.deploy.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.courriel.deploy.testing.LineConnection;

/** A submission client (RFC 6409) for the queue crash test: AUTH PLAIN on loopback, one message at a time. */
final class Submission implements AutoCloseable {

    private final LineConnection c;

    Submission(int port, String user, String password) throws IOException {
        c = new LineConnection(port);
        SmtpLoad.expect(c.reply(), "220");
        c.send("EHLO client.crash.test");
        SmtpLoad.expect(c.reply(), "250");
        String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
        c.send("AUTH PLAIN " + plain);
        SmtpLoad.expect(c.reply(), "235");
    }

    /** Sends and returns once the server said 250: from then on the message is the queue's. */
    void send(String from, List<String> to, byte[] message) throws IOException {
        c.send("MAIL FROM:<" + from + ">");
        SmtpLoad.expect(c.reply(), "250");
        for (String rcpt : to) {
            c.send("RCPT TO:<" + rcpt + ">");
            SmtpLoad.expect(c.reply(), "250");
        }
        c.send("DATA");
        SmtpLoad.expect(c.reply(), "354");
        c.sendBytes(message);
        c.send(".");
        SmtpLoad.expect(c.reply(), "250");
    }

    /** Says QUIT if the server is still there. */
    @Override
    public void close() throws IOException {
        try (c) {
            c.send("QUIT");
        } catch (IOException e) {
            // the server was killed: nobody to say goodbye to
        }
    }
}
