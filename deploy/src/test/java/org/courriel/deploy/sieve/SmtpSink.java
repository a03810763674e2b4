package org.courriel.deploy.sieve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An external mail server on a loopback port that accepts everything and remembers each transaction. */
final class SmtpSink implements AutoCloseable {

    record Transaction(String mailFrom, List<String> recipients, String data) {
    }

    private final ServerSocket socket;
    private final List<Transaction> received = new CopyOnWriteArrayList<>();

    SmtpSink() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("smtp-sink").start(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    List<Transaction> received() {
        return received;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            reply(out, "220 sink.example ESMTP");
            String from = null;
            List<String> rcpts = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(java.util.Locale.ROOT);
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    reply(out, "250 sink.example");
                } else if (upper.startsWith("MAIL FROM:")) {
                    from = line.substring(10).replaceAll("[<>]", "").split(" ")[0];
                    rcpts = new ArrayList<>();
                    reply(out, "250 2.1.0 ok");
                } else if (upper.startsWith("RCPT TO:")) {
                    rcpts.add(line.substring(8).replaceAll("[<>]", "").split(" ")[0]);
                    reply(out, "250 2.1.5 ok");
                } else if (upper.equals("DATA")) {
                    reply(out, "354 go ahead");
                    StringBuilder data = new StringBuilder();
                    String d;
                    while ((d = in.readLine()) != null && !d.equals(".")) {
                        data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                    }
                    received.add(new Transaction(from, List.copyOf(rcpts), data.toString()));
                    reply(out, "250 2.0.0 queued");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 2.0.0 bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
