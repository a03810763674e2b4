package org.courriel.deploy.maillog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A remote MTA on loopback that answers every RCPT with one reply (250 takes the message, 550 refuses). */
final class FakeRemoteMta implements AutoCloseable {

    private final ServerSocket server;
    private final String rcptReply;

    FakeRemoteMta(String rcptReply) throws IOException {
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.rcptReply = rcptReply;
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                serve(s);
            } catch (IOException e) {
                // closed, or the client went away: take the next one
            }
        }
    }

    private void serve(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = s.getOutputStream();
        send(out, "220 remote.test ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
            switch (verb) {
                case "EHLO", "HELO" -> send(out, "250 remote.test");
                case "MAIL" -> send(out, "250 2.1.0 Ok");
                case "RCPT" -> send(out, rcptReply);
                case "DATA" -> {
                    send(out, "354 go ahead");
                    for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
                        // the content is not kept
                    }
                    send(out, "250 2.0.0 Ok: queued as REMOTE1");
                }
                case "QUIT" -> {
                    send(out, "221 2.0.0 Bye");
                    return;
                }
                default -> send(out, "250 Ok");
            }
        }
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
