package org.courriel.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.courriel.access.net.Connection;
import org.courriel.access.net.ConnectionHandler;
import org.courriel.access.net.ListenerSettings;
import org.courriel.access.net.TcpServer;
import org.courriel.access.tls.TlsContext;
import org.courriel.store.testing.TestTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A line echo protocol with a STARTTLS command, over a real listener. */
class TcpServerTest {

    private TcpServer server;

    /** Greets, echoes lines, switches to TLS on STARTTLS, ends on QUIT. */
    private static final ConnectionHandler ECHO = new ConnectionHandler() {
        @Override
        public void handle(Connection c) throws IOException {
            write(c, "HELLO " + (c.isSecure() ? "tls" : "plain"));
            byte[] line;
            while ((line = c.lines().readLine(100)) != null) {
                String text = new String(line, StandardCharsets.UTF_8);
                if (text.equals("QUIT")) {
                    write(c, "BYE");
                    return;
                }
                if (text.equals("STARTTLS")) {
                    write(c, "GO");
                    c.startTls();
                    continue;
                }
                write(c, "ECHO " + text + (c.isSecure() ? " tls" : ""));
            }
        }

        @Override
        public void refuse(Connection c, String reason) throws IOException {
            write(c, "BUSY " + reason);
        }
    };

    private static void write(Connection c, String line) throws IOException {
        c.out().write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        c.out().flush();
    }

    private TcpServer start(int perIp, boolean implicitTls) throws IOException {
        SSLContext serverContext = TestTls.serverContext();
        server = new TcpServer(new ListenerSettings("test", "127.0.0.1", 0, implicitTls, 100, perIp, Duration.ofSeconds(5),
                Duration.ofMinutes(1), Duration.ofSeconds(1)),
                new TlsContext(serverContext), ECHO, new SimpleMeterRegistry());
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesLinesOnVirtualThreads() throws Exception {
        start(10, false);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HELLO plain");
            s.getOutputStream().write("one\r\ntwo\r\nQUIT\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("ECHO one");
            assertThat(in.readLine()).isEqualTo("ECHO two");
            assertThat(in.readLine()).isEqualTo("BYE");
        }
    }

    @Test
    void refusesConnectionsPastThePerAddressLimit() throws Exception {
        start(1, false);
        try (Socket first = new Socket("127.0.0.1", server.port());
                Socket second = new Socket("127.0.0.1", server.port())) {
            BufferedReader in1 = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in1.readLine()).isEqualTo("HELLO plain");
            BufferedReader in2 = new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in2.readLine()).isEqualTo("BUSY too many connections");
            assertThat(in2.readLine()).isNull();
        }
    }

    @Test
    void startTlsDiscardsPlaintextSentBeforeTheHandshake() throws Exception {
        start(10, false);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HELLO plain");
            s.getOutputStream().write("STARTTLS\r\nINJECTED\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("GO");
            SSLSocket tls = (SSLSocket) TestTls.clientContext().getSocketFactory()
                    .createSocket(s, "localhost", server.port(), true);
            tls.startHandshake();
            OutputStream out = tls.getOutputStream();
            out.write("after\r\n".getBytes(StandardCharsets.UTF_8));
            BufferedReader tin = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.UTF_8));
            assertThat(tin.readLine()).isEqualTo("ECHO after tls");
        }
    }

    @Test
    void implicitTlsListenerHandshakesFirst() throws Exception {
        start(10, true);
        try (SSLSocket s = (SSLSocket) TestTls.clientContext().getSocketFactory().createSocket("127.0.0.1", server.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HELLO tls");
        }
    }
}
