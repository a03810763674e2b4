package org.courriel.managesieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.sieve.SieveScriptService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** A running ManageSieve server on 127.0.0.1 over H2, a fresh account per test, no server errors allowed. */
@SpringBootTest(classes = ManageSieveTestApplication.class, properties = {
        "courriel.managesieve.port=0", "courriel.managesieve.bind-address=127.0.0.1",
        "courriel.managesieve.allow-plaintext-loopback=true", "courriel.imap.enabled=false",
        "courriel.sieve.storage.max-script-size=2KB", "courriel.sieve.storage.max-scripts=3"})
abstract class ManageSieveTestSupport {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    static final String PASSWORD = "correct horse battery";

    @Autowired
    ManageSieveServer server;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    SieveScriptService scripts;

    AccountInfo account;
    String user;
    private final ListAppender<ILoggingEvent> errors = new ListAppender<>();

    @BeforeEach
    void createAccount() {
        String domain = "s" + COUNTER.incrementAndGet() + "-" + System.nanoTime() + ".example.org";
        domains.add(domain);
        user = "bob@" + domain;
        account = accounts.create(user, PASSWORD, "Bob", 0);
        errors.start();
        ((Logger) LoggerFactory.getLogger("org.courriel")).addAppender(errors);
    }

    @AfterEach
    void noServerErrors() {
        ((Logger) LoggerFactory.getLogger("org.courriel")).detachAppender(errors);
        assertThat(errors.list.stream().filter(e -> e.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage))
                .as("errors logged by the server").isEmpty();
    }

    String plain() {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A line-oriented ManageSieve client over a plain socket. */
    final class Client implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        Client() throws IOException {
            socket = new Socket("127.0.0.1", server.port());
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        Client send(String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        }

        /** Lines up to and including the next OK, NO or BYE. */
        List<String> response() throws IOException {
            List<String> lines = new ArrayList<>();
            String line;
            do {
                line = in.readLine();
                if (line == null) {
                    throw new IOException("closed after " + lines);
                }
                lines.add(line);
            } while (!line.startsWith("OK") && !line.startsWith("NO") && !line.startsWith("BYE"));
            return lines;
        }

        String status() throws IOException {
            return response().getLast();
        }

        Client login() throws IOException {
            response();
            send("AUTHENTICATE \"PLAIN\" \"" + plain() + "\"");
            assertThat(status()).startsWith("OK");
            return this;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
