package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.courriel.imap.testing.ImapTestSupport;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.SortTerm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.search.SubjectTerm;

/** Angus Mail's IMAP provider, a real client, against the running gateway. */
class AngusMailClientTest extends ImapTestSupport {

    private IMAPStore store;

    @BeforeEach
    void connect() throws Exception {
        store = connectStore();
    }

    private IMAPStore connectStore() throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", String.valueOf(port()));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "10000");
        IMAPStore s = (IMAPStore) Session.getInstance(props).getStore("imap");
        s.connect(user, PASSWORD);
        return s;
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void listsTheDefaultFoldersWithSpecialUse() throws Exception {
        Folder[] folders = store.getDefaultFolder().list("*");
        assertThat(Arrays.stream(folders).map(Folder::getFullName))
                .contains("INBOX", "Sent", "Drafts", "Trash", "Junk", "Archive");
        IMAPFolder sent = (IMAPFolder) store.getFolder("Sent");
        assertThat(sent.getAttributes()).contains("\\Sent");
        assertThat(store.hasCapability("IDLE")).isTrue();
        assertThat(store.hasCapability("MOVE")).isTrue();
    }

    @Test
    void sortsOnTheServerByBaseSubject() throws Exception {
        // RFC 5256 §3 through the client's own SORT: the base subject drops "Re:"
        deliver("INBOX", "b topic");
        deliver("INBOX", "Re: a topic");
        deliver("INBOX", "c topic");
        deliver("INBOX", "unrelated");
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertThat(store.hasCapability("SORT")).isTrue();
        assertThat(Arrays.stream(inbox.getSortedMessages(new SortTerm[] {SortTerm.SUBJECT})).map(this::subject))
                .containsExactly("Re: a topic", "b topic", "c topic", "unrelated");
        assertThat(Arrays.stream(inbox.getSortedMessages(new SortTerm[] {SortTerm.REVERSE, SortTerm.SUBJECT},
                new SubjectTerm("topic"))).map(this::subject)).containsExactly("c topic", "b topic", "Re: a topic");
        inbox.close(false);
    }

    private String subject(Message m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fetchProfileOfEnvelopeFlagsAndContentInfo() throws Exception {
        deliver("INBOX", "first");
        deliver("INBOX", "second");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        Message[] messages = inbox.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.CONTENT_INFO);
        profile.add(UIDFolder.FetchProfileItem.UID);
        inbox.fetch(messages, profile);
        assertThat(messages).hasSize(2);
        assertThat(messages[0].getSubject()).isEqualTo("first");
        assertThat(messages[1].getSubject()).isEqualTo("second");
        assertThat(messages[0].getFrom()[0].toString()).isEqualTo("Alice <alice@example.com>");
        assertThat(messages[0].getContentType()).startsWithIgnoringCase("text/plain");
        assertThat(messages[0].isSet(Flags.Flag.SEEN)).isFalse();
        assertThat(((UIDFolder) inbox).getUID(messages[1])).isEqualTo(2);
        assertThat(messages[1].getContent().toString()).contains("Hello, this is second.");
        inbox.close(false);
    }

    @Test
    void setsFlagsMovesAndExpunges() throws Exception {
        deliver("INBOX", "keep");
        deliver("INBOX", "archive me");
        deliver("INBOX", "delete me");
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        Message[] m = inbox.getMessages();
        m[0].setFlag(Flags.Flag.FLAGGED, true);
        inbox.moveMessages(new Message[] {m[1]}, store.getFolder("Archive"));
        m[2].setFlag(Flags.Flag.DELETED, true);
        Message[] expunged = inbox.expunge();
        // Angus reports the moved message (expunged by MOVE) together with the deleted one
        assertThat(expunged).contains(m[2]).allMatch(Message::isExpunged);
        assertThat(inbox.getMessageCount()).isEqualTo(1);
        assertThat(inbox.getMessage(1).isSet(Flags.Flag.FLAGGED)).isTrue();
        assertThat(inbox.getMessage(1).getSubject()).isEqualTo("keep");
        inbox.close(false);

        Folder archive = store.getFolder("Archive");
        archive.open(Folder.READ_ONLY);
        assertThat(archive.getMessageCount()).isEqualTo(1);
        assertThat(archive.getMessage(1).getSubject()).isEqualTo("archive me");
        archive.close(false);
    }

    @Test
    void idleSessionHearsOfADeliveryAtOnce() throws Exception {
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        CountDownLatch added = new CountDownLatch(1);
        AtomicReference<String> subject = new AtomicReference<>();
        inbox.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
                try {
                    subject.set(e.getMessages()[0].getSubject());
                } catch (Exception ex) {
                    subject.set(ex.toString());
                }
                added.countDown();
            }
        });
        CountDownLatch idling = new CountDownLatch(1);
        Thread idler = Thread.ofVirtual().start(() -> {
            try {
                idling.countDown();
                inbox.idle(true);
            } catch (Exception e) {
                subject.compareAndSet(null, e.toString());
                added.countDown();
            }
        });
        idling.await();
        // another session appends while the first one idles: wait until the server has it in IDLE
        IMAPStore other = connectStore();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (meters().find("courriel.imap.idle.sessions").gauge().value() < 1 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            Folder otherInbox = other.getFolder("INBOX");
            otherInbox.open(Folder.READ_WRITE);
            otherInbox.appendMessages(new Message[] {new jakarta.mail.internet.MimeMessage(
                    Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(message("while idle")))});
            otherInbox.close(false);
        } finally {
            other.close();
        }
        assertThat(added.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subject.get()).isEqualTo("while idle");
        idler.join(10_000);
        inbox.close(false);
    }
}
