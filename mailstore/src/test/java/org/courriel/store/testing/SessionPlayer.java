package org.courriel.store.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Plays a (mutated) client session against a running server as a pipelining client would: every line at once
 * from a sender thread, while reading every answer up to the last command's reply or the end of the connection.
 * The protocol fuzz tests (SMTP and IMAP {@code MutatedSessionsTest}) use it with {@link SessionMutator}: a
 * session that gets no answer within the deadline fails the test, so only the server can be the cause.
 */
public final class SessionPlayer {

    private final ExecutorService senders;
    private final Duration deadline;

    /** @param deadline how long the client waits for each answer's next byte */
    public SessionPlayer(ExecutorService senders, Duration deadline) {
        this.senders = senders;
        this.deadline = deadline;
    }

    /**
     * Sends {@code lines} (CRLF after each) then {@code closing} (which completes whatever a mutation left open,
     * then ends the session), and reads the answers until a line that starts with {@code lastAnswer}.
     *
     * @return the answers, each line after a {@code \n} (so {@code "\n250 "} finds a reply at a line's start)
     * @throws AssertionError when an answer does not come within the deadline
     */
    public String play(Socket socket, String name, List<String> lines, String closing, String lastAnswer)
            throws Exception {
        StringBuilder wire = new StringBuilder();
        for (String line : lines) {
            wire.append(line).append("\r\n");
        }
        byte[] bytes = wire.append(closing).toString().getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder answers = new StringBuilder("\n");
        try {
            socket.setSoTimeout((int) deadline.toMillis());
            var sent = senders.submit(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(bytes);
                    out.flush();
                } catch (IOException closedByServer) {
                    // the server may end the session first (too many errors, input it cannot follow)
                }
                return null;
            });
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            try {
                for (int c; (c = in.read()) >= 0; ) {
                    if (c != '\n') {
                        line.append((char) c);
                        continue;
                    }
                    answers.append(line).append('\n');
                    if (line.toString().startsWith(lastAnswer)) {
                        break;
                    }
                    line.setLength(0);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("%s got no answer within %s; it sent:%n%s".formatted(name, deadline,
                        String.join("\n", lines)));
            }
            sent.get();
        } catch (SocketException closed) {
            // reset by the server after it closed the session: an answer too
        }
        return answers.toString();
    }
}
