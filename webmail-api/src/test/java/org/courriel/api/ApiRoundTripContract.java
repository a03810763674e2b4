package org.courriel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.courriel.mta.smtp.SmtpServers;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.event.MailboxEventBus;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.SystemFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * The main round trip over HTTP against the running application, on every database Courriel supports:
 * deliver over SMTP, list, read, download, flag, move, delete. Each change must reach the store as IMAP sees it
 * (same UIDs, MODSEQ and change events).
 */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"courriel.mx.enabled=true", "courriel.mx.port=0", "courriel.mx.bind-address=127.0.0.1"})
abstract class ApiRoundTripContract {

    @LocalServerPort
    int port;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    MessageService messages;
    @Autowired
    MailboxEventBus events;
    @Autowired
    SmtpServers smtp;

    ApiFixture fixture;
    ApiClient bob;

    @BeforeEach
    void accounts() {
        fixture = new ApiFixture(domains, accounts);
        bob = new ApiClient(port, fixture.bob.address(), ApiFixture.PASSWORD);
    }

    /** Principle: the suite fails on any unexpected server-side exception, not only on wrong answers. */
    @AfterEach
    void noRequestFailedOnABug() {
        assertThat(meters.counter("courriel.api.internal.errors").count()).isZero();
    }

    @Test
    void messageDeliveredOverSmtpIsListedReadFlaggedMovedAndDeleted() throws Exception {
        byte[] raw = ApiFixture.multipart("Lunch", "carol@example.com", fixture.bob.address());
        sendOverSmtp(raw, "carol@example.com", fixture.bob.address());
        List<MailboxEvent> seen = new CopyOnWriteArrayList<>();
        events.subscribeAccount(fixture.bob.id(), seen::add);

        // the mailbox list with counters
        JsonNode boxes = bob.get("/api/v1/mailboxes").json();
        JsonNode inbox = find(boxes, "INBOX");
        assertThat(inbox.get("total").asLong()).isEqualTo(1);
        assertThat(inbox.get("unseen").asLong()).isEqualTo(1);
        // stored as received, behind the trace fields the MX added (RFC 5321 §4.4)
        byte[] stored = messages.content(messages.get(inbox.get("id").asLong(), 1).orElseThrow().contentId());
        assertThat(new String(stored, StandardCharsets.UTF_8)).startsWith("Return-Path: <carol@example.com>\r\n")
                .endsWith(new String(raw, StandardCharsets.UTF_8));
        assertThat(inbox.get("size").asLong()).isEqualTo(stored.length);
        assertThat(find(boxes, "Sent").get("specialUse").asString()).isEqualTo("\\Sent");
        long inboxId = inbox.get("id").asLong();

        // the listing
        JsonNode page = bob.get("/api/v1/mailboxes/" + inboxId + "/messages").json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode item = page.get("messages").get(0);
        assertThat(item.get("subject").asString()).isEqualTo("Lunch");
        assertThat(item.get("from").get(0).get("address").asString()).isEqualTo("carol@example.com");
        assertThat(item.get("from").get(0).get("name").asString()).isEqualTo("Carol Sender");
        assertThat(item.get("hasAttachment").asBoolean()).isTrue();
        assertThat(item.get("uid").asLong()).isEqualTo(1);
        String id = item.get("id").asString();

        // one message: decoded text, HTML as data, attachment list
        JsonNode message = bob.get("/api/v1/messages/" + id).json();
        assertThat(message.get("text").asString()).isEqualTo("Caf\u00e9 at noon?");
        assertThat(message.get("html").asString()).contains("<b>noon</b>");
        assertThat(message.get("headers").findValuesAsString("name")).contains("Subject", "MIME-Version");
        JsonNode attachment = message.get("attachments").get(0);
        assertThat(attachment.get("partId").asString()).isEqualTo("2");
        assertThat(attachment.get("filename").asString()).isEqualTo("menu.pdf");
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(attachment.get("size").asLong()).isEqualTo(ApiFixture.attachmentBytes().length);

        // raw bytes, exactly as delivered, as a download
        ApiClient.Response rawResponse = bob.get("/api/v1/messages/" + id + "/raw");
        assertThat(rawResponse.status()).isEqualTo(200);
        assertThat(rawResponse.body()).isEqualTo(stored);
        assertThat(rawResponse.header("Content-Type")).startsWith("message/rfc822");
        assertThat(rawResponse.header("Content-Disposition")).startsWith("attachment");
        assertThat(rawResponse.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");

        // the attachment, decoded, under its own type and name
        ApiClient.Response file = bob.get("/api/v1/messages/" + id + "/attachments/2");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(ApiFixture.attachmentBytes());
        assertThat(file.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(file.header("Content-Disposition")).contains("menu.pdf");
        assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");

        // flags: the store has them as IMAP reads them, and the change event went out
        long modseqBefore = message.get("modseq").asLong();
        JsonNode flags = bob.post("/api/v1/messages/" + id + "/flags",
                Map.of("add", List.of("\\Seen", "\\Flagged", "$Work"))).json();
        assertThat(texts(flags.get("flags"))).containsExactlyInAnyOrder("\\Seen", "\\Flagged", "$Work");
        assertThat(flags.get("modseq").asLong()).isGreaterThan(modseqBefore);
        var asImapSeesIt = messages.get(inboxId, 1).orElseThrow();
        assertThat(asImapSeesIt.flags().has(SystemFlag.SEEN)).isTrue();
        assertThat(asImapSeesIt.flags().hasKeyword("$Work")).isTrue();
        assertThat(asImapSeesIt.modseq()).isEqualTo(flags.get("modseq").asLong());
        assertThat(seen).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(MailboxEvent.FlagsChanged.class,
                f -> assertThat(f.uids()).containsExactly(1L)));
        JsonNode cleared = bob.post("/api/v1/messages/" + id + "/flags", Map.of("remove", List.of("\\Flagged"))).json();
        assertThat(texts(cleared.get("flags"))).containsExactlyInAnyOrder("\\Seen", "$Work");
        assertThat(find(bob.get("/api/v1/mailboxes").json(), "INBOX").get("unseen").asLong()).isZero();

        // move: a new UID in the destination, the old id is gone
        JsonNode moved = bob.post("/api/v1/messages/" + id + "/move", Map.of("mailbox", "Archive")).json();
        String movedId = moved.get("id").asString();
        long archiveId = mailboxes.get(fixture.bob.id(), "Archive").id();
        assertThat(moved.get("mailboxId").asLong()).isEqualTo(archiveId);
        assertThat(bob.get("/api/v1/messages/" + id).status()).isEqualTo(404);
        assertThat(messages.uids(inboxId)).isEmpty();
        assertThat(messages.uids(archiveId)).containsExactly(moved.get("uid").asLong());
        assertThat(bob.get("/api/v1/messages/" + movedId).json().get("subject").asString()).isEqualTo("Lunch");
        assertThat(seen).anySatisfy(e -> assertThat(e).isInstanceOf(MailboxEvent.MessagesExpunged.class));

        // delete: to Trash first, then for good
        JsonNode trashed = bob.delete("/api/v1/messages/" + movedId).json();
        assertThat(trashed.get("expunged").asBoolean()).isFalse();
        long trashId = mailboxes.get(fixture.bob.id(), "Trash").id();
        assertThat(trashed.get("mailboxId").asLong()).isEqualTo(trashId);
        JsonNode gone = bob.delete("/api/v1/messages/" + trashed.get("id").asString()).json();
        assertThat(gone.get("expunged").asBoolean()).isTrue();
        assertThat(messages.uids(trashId)).isEmpty();
        assertThat(bob.get("/api/v1/messages/" + trashed.get("id").asString()).status()).isEqualTo(404);
    }

    /** Angus Mail, a real SMTP client, hands the exact bytes to the MX listener. */
    private void sendOverSmtp(byte[] raw, String from, String to) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(smtp.port(ListenerKind.MX)));
        p.put("mail.smtp.localhost", "client.example");
        p.put("mail.smtp.from", from);
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.connectiontimeout", "20000");
        Session session = Session.getInstance(p);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new Address[] {new InternetAddress(to)});
        }
    }

    static JsonNode find(JsonNode mailboxes, String name) {
        for (JsonNode m : mailboxes) {
            if (m.get("name").asString().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no mailbox " + name + " in " + mailboxes);
    }

    static List<String> texts(JsonNode array) {
        List<String> list = new java.util.ArrayList<>();
        array.forEach(n -> list.add(n.asString()));
        return list;
    }
}
