package org.courriel.store.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A client that sends too slowly on purpose, for the tests of read deadlines and minimum data rates. */
public final class SlowClient {

    private SlowClient() {
    }

    /** Sends {@code text} a byte at a time, {@code pauseMillis} apart; stops quietly when the server cuts it off. */
    public static void dribble(Socket s, String text, long pauseMillis) {
        try {
            OutputStream out = s.getOutputStream();
            for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                Thread.sleep(pauseMillis); // the slow client under test, not a wait for an event
            }
        } catch (IOException | InterruptedException e) {
            // the server cut the connection
        }
    }
}
