package org.courriel.deploy.testing;

import org.courriel.imap.server.ImapServer;
import org.courriel.mta.smtp.SmtpServers;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A deploy test of the whole application started in this JVM, as the subclass's
 * {@code @SpringBootTest(classes = CourrielApplication.class, webEnvironment = RANDOM_PORT, properties = ...)}
 * starts it (its own data directory and database): what such tests use of it, and a plain IMAP LOGIN on
 * loopback allowed.
 */
@TestPropertySource(properties = "courriel.imap.allow-plaintext-loopback=true")
public abstract class InProcessServerTest {

    @Autowired
    protected DomainService domains;
    @Autowired
    protected AccountService accounts;
    @Autowired
    protected SmtpServers smtp;
    @Autowired
    protected ImapServer imap;
    @LocalServerPort
    protected int httpPort;

    /** Sends a small text message to the MX listener with Angus Mail, as a remote MTA would. */
    protected void sendOverSmtp(String from, String to, String subject, String text) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtp.port(ListenerKind.MX)));
        props.put("mail.smtp.localhost", "client.example.net");
        props.put("mail.smtp.connectiontimeout", "20000");
        props.put("mail.smtp.timeout", "20000");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText(text);
        Transport.send(message);
    }
}
