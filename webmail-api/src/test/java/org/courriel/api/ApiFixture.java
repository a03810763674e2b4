package org.courriel.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailDelivery;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;

/** Accounts and messages the API tests start from: each test gets its own domain. */
final class ApiFixture {

    static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final String domain;
    final AccountInfo bob;
    final AccountInfo alice;
    final AccountInfo admin;

    ApiFixture(DomainService domains, AccountService accounts) {
        domain = "d" + COUNTER.incrementAndGet() + "-" + System.nanoTime() + ".example.org";
        domains.add(domain);
        bob = accounts.create("bob@" + domain, PASSWORD, "Bob Martin", 0);
        alice = accounts.create("alice@" + domain, PASSWORD, "Alice Durand", 0);
        AccountInfo created = accounts.create("admin@" + domain, PASSWORD, "Admin", 0);
        accounts.setAdmin(created.address(), true);
        admin = accounts.find(created.address()).orElseThrow();
    }

    /** A message with a text part in quoted-printable UTF-8, an HTML part and a base64 PDF attachment. */
    static byte[] multipart(String subject, String from, String to) {
        return ("From: Carol Sender <" + from + ">\r\n"
                + "To: <" + to + ">\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
                + "Message-ID: <" + System.nanoTime() + "@example.com>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n"
                + "\r\n"
                + "--outer\r\n"
                + "Content-Type: multipart/alternative; boundary=\"inner\"\r\n"
                + "\r\n"
                + "--inner\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n"
                + "\r\n"
                + "Caf=C3=A9 at noon?\r\n"
                + "--inner\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n"
                + "\r\n"
                + "<p>Caf\u00e9 at <b>noon</b>?</p>\r\n"
                + "--inner--\r\n"
                + "--outer\r\n"
                + "Content-Type: application/pdf; name=\"menu.pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"menu.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + "JVBERi0xLjQKJcOkw7zDtsOfCg==\r\n"
                + "--outer--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The decoded bytes of the attachment in {@link #multipart}. */
    static byte[] attachmentBytes() {
        return java.util.Base64.getDecoder().decode("JVBERi0xLjQKJcOkw7zDtsOfCg==");
    }

    static void deliver(MailDelivery delivery, String to, byte[] message) {
        delivery.deliver(new MailEnvelope("carol@example.com", List.of(EnvelopeRecipient.of(to)), null, null, false,
                true), message);
    }
}
