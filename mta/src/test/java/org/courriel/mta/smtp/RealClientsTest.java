package org.courriel.mta.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.courriel.store.testing.TestTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Angus Mail's SMTP transport and curl against the running listeners. */
class RealClientsTest extends SmtpServerTestSupport {

    private Session session(int port, boolean submission, String mechanism) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.localhost", "client.example");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.connectiontimeout", "20000");
        if (submission) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            p.put("mail.smtp.ssl.socketFactory", TestTls.clientContext().getSocketFactory());
            p.put("mail.smtp.auth", "true");
            p.put("mail.smtp.auth.mechanisms", mechanism);
        }
        return Session.getInstance(p);
    }

    private MimeMessage message(Session session, String from, String to, String subject) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject);
        m.setText("Grüße aus Angus Mail\n.\nwith a lone dot line\n", "UTF-8");
        return m;
    }

    @Test
    void angusMailDeliversToMx() throws Exception {
        int before = inboxSize("bob@hamburger.edu");
        Session s = session(mx(), false, null);
        Transport.send(message(s, "carol@crepes.fr", "bob@hamburger.edu", "via MX"));
        List<byte[]> inbox = inbox("bob@hamburger.edu");
        assertThat(inbox).hasSize(before + 1);
        String stored = new String(inbox.getLast(), StandardCharsets.UTF_8);
        assertThat(stored).startsWith("Return-Path: <carol@crepes.fr>\r\n").contains("Subject: via MX\r\n")
                .contains("with ESMTP id ").contains("\r\n.\r\nwith a lone dot line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "LOGIN"})
    void angusMailSubmitsWithStartTlsAndAuth(String mechanism) throws Exception {
        int before = inboxSize("alice@hamburger.edu");
        Session s = session(submission(), true, mechanism);
        try (Transport t = s.getTransport("smtp")) {
            t.connect("bob@hamburger.edu", PASSWORD);
            MimeMessage m = message(s, "bob@hamburger.edu", "alice@hamburger.edu", "via " + mechanism);
            t.sendMessage(m, m.getAllRecipients());
        }
        List<byte[]> inbox = inbox("alice@hamburger.edu");
        assertThat(inbox).hasSize(before + 1);
        assertThat(new String(inbox.getLast(), StandardCharsets.UTF_8)).contains("with ESMTPSA id ")
                .contains("Subject: via " + mechanism + "\r\n");
    }

    @Test
    void curlDeliversToMx(@TempDir Path dir) throws Exception {
        assumeTrue(curlInstalled(), "curl is not installed");
        int before = inboxSize("bob@hamburger.edu");
        Path mail = dir.resolve("mail.txt");
        Files.writeString(mail, "From: dan@crepes.fr\r\nSubject: via curl\r\n\r\nsent by curl\r\n");
        Process curl = new ProcessBuilder("curl", "--silent", "--show-error", "--max-time", "20",
                "smtp://127.0.0.1:" + mx(), "--mail-from", "dan@crepes.fr", "--mail-rcpt", "bob@hamburger.edu",
                "--upload-file", mail.toString()).redirectErrorStream(true).start();
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.exitValue()).as(output).isZero();
        List<byte[]> inbox = inbox("bob@hamburger.edu");
        assertThat(inbox).hasSize(before + 1);
        assertThat(new String(inbox.getLast(), StandardCharsets.UTF_8))
                .endsWith("\r\nFrom: dan@crepes.fr\r\nSubject: via curl\r\n\r\nsent by curl\r\n");
    }

    private static boolean curlInstalled() {
        try {
            return new ProcessBuilder("curl", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
