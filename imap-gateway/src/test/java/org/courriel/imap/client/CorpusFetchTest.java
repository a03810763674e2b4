package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.Properties;

import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.message.Flags;
import org.courriel.store.testing.Corpus;
import org.junit.jupiter.api.Test;

import jakarta.mail.BodyPart;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;

/**
 * Every corpus message read through IMAP by Angus Mail (ENVELOPE, BODYSTRUCTURE, then BODY[section] per part)
 * agrees with Angus parsing the same bytes locally: same subject, same MIME tree, same decoded part contents.
 */
class CorpusFetchTest extends ImapTestSupport {

    /**
     * Messages whose valid BODYSTRUCTURE Angus Mail itself cannot read: the encapsulated message of
     * feedback-report.txt has {@code To: <Undisclosed Recipients>}, sent as the address
     * {@code (NIL NIL "Undisclosed Recipients" "MISSING_DOMAIN")}, where Angus's ADDRESS parser fails;
     * stack-overflow.txt has an 86 KB address list that goes out with a literal in its ENVELOPE, which Angus's
     * envelope parser does not take either.
     */
    private static final java.util.Set<String> CLIENT_CANNOT_PARSE = java.util.Set.of("feedback-report.txt", "stack-overflow.txt");

    @Test
    void everyCorpusMessageReadsTheSameOverImapAsLocally() throws Exception {
        long inbox = mailboxes.get(account.id(), "INBOX").id();
        for (String file : Corpus.FILES) {
            messages.append(inbox, Corpus.read(file), Flags.NONE, Instant.parse("2026-01-01T00:00:00Z"));
        }
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", String.valueOf(port()));
        Session session = Session.getInstance(props);
        Store store = session.getStore("imap");
        store.connect(user, PASSWORD);
        try {
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            Message[] remote = folder.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.CONTENT_INFO);
            folder.fetch(remote, profile);
            assertThat(remote).hasSameSizeAs(Corpus.FILES);
            for (int i = 0; i < remote.length; i++) {
                String file = Corpus.FILES.get(i);
                MimeMessage local = new MimeMessage(session, new ByteArrayInputStream(Corpus.read(file)));
                if (CLIENT_CANNOT_PARSE.contains(file)) {
                    continue;
                }
                assertThat(remote[i].getSubject()).as(file + " subject").isEqualTo(local.getSubject());
                try {
                    comparePart(file, remote[i], local);
                } catch (jakarta.mail.MessagingException e) {
                    throw new AssertionError(file + ": " + e, e);
                }
            }
            folder.close(false);
        } finally {
            store.close();
        }
    }

    private static void comparePart(String where, Part remote, Part local) throws Exception {
        String localType = baseType(local);
        if (localType.equals("unparseable")) {
            return; // the server names a default type where the local parser gives up: nothing to compare
        }
        assertThat(baseType(remote)).as(where + " content type").isEqualTo(localType);
        Object localContent;
        try {
            localContent = local.getContent();
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            return; // malformed on purpose (the corpus has such messages): nothing to compare below
        }
        if (local.isMimeType("multipart/*") && localContent instanceof Multipart localParts
                && remote.getContent() instanceof Multipart remoteParts) {
            assertThat(remoteParts.getCount()).as(where + " part count").isEqualTo(localParts.getCount());
            for (int i = 0; i < localParts.getCount(); i++) {
                BodyPart l = localParts.getBodyPart(i);
                BodyPart r = remoteParts.getBodyPart(i);
                comparePart(where + "/" + (i + 1), r, l);
            }
        } else if (!local.isMimeType("multipart/*") && !local.isMimeType("message/*")) {
            assertThat(bytes(remote.getInputStream())).as(where + " content").isEqualTo(bytes(local.getInputStream()));
        }
    }

    private static String baseType(Part part) throws Exception {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(java.util.Locale.ROOT);
        } catch (jakarta.mail.internet.ParseException e) {
            return "unparseable";
        }
    }

    private static byte[] bytes(InputStream in) throws Exception {
        try (in) {
            return in.readAllBytes();
        }
    }
}
