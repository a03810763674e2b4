package org.courriel.imap.command;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

import org.courriel.imap.fetch.FetchParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SelectedMailbox;
import org.courriel.store.acl.Right;
import org.courriel.store.mailbox.AccessibleMailbox;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.mime.BodyStructure;
import org.courriel.store.section.MessageSections;
import org.courriel.store.section.SectionSpec;

/**
 * CATENATE (RFC 4469 §3): the message an APPEND builds from literals and URLs of the messages and parts this
 * account may read (its own mailboxes, others' and shared ones with the "r" right), octets copied unchanged as
 * {@code BODY.PEEK[section]} returns them (no \Seen set), in the order given. A URL that names nothing here is
 * {@code NO [BADURL url]} (§4.1), a result past the APPEND limit {@code NO [TOOBIG]} (§4.2), checked as the
 * parts are added so that no more than the limit is ever held.
 */
final class Catenation {

    /** One cat-part (RFC 4469 §5): a TEXT literal or a URL. */
    sealed interface Part {
        record Text(byte[] bytes) implements Part {
            @Override
            public String toString() {
                return "Text[size=" + bytes.length + "]";
            }
        }

        record Url(String url) implements Part {
        }
    }

    /** Why the message cannot be built: the tagged NO to answer. */
    static final class Refused extends RuntimeException {
        final transient Completion completion;

        Refused(Completion completion) {
            super(completion.text(), null, false, false);
            this.completion = completion;
        }
    }

    private Catenation() {
    }

    /** The bytes of the catenated message, at most {@code limit} of them. */
    static byte[] assemble(ImapSession session, List<Part> parts, long limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            byte[] bytes = switch (part) {
                case Part.Text t -> t.bytes();
                case Part.Url u -> resolve(session, u.url());
            };
            if (out.size() + (long) bytes.length > limit) {
                // RFC 4469 §4.2: past the server's limit on a message
                throw new Refused(Completion.no(ResponseCode.TOOBIG, "The catenated message is too big"));
            }
            out.write(bytes, 0, bytes.length);
        }
        return out.toByteArray();
    }

    private static byte[] resolve(ImapSession session, String text) {
        try {
            ImapUrl url = ImapUrl.parse(text);
            MailboxInfo mailbox = mailbox(session, url);
            if (mailbox == null || (url.uidValidity() != 0 && url.uidValidity() != mailbox.uidValidity())) {
                throw new ImapUrl.BadUrl("no such mailbox, or another UIDVALIDITY");
            }
            Optional<MessageRecord> message = session.context().messages().get(mailbox.id(), url.uid());
            if (message.isEmpty()) {
                throw new ImapUrl.BadUrl("no such message");
            }
            SectionSpec spec = url.section() == null ? SectionSpec.WHOLE : section(url.section());
            if (!exists(message.get().summary().body(), spec.part())) {
                throw new ImapUrl.BadUrl("no such part");
            }
            byte[] content = session.context().messages().content(message.get().contentId());
            byte[] bytes = MessageSections.extract(content, spec);
            return url.origin() < 0 ? bytes
                    : MessageSections.partial(bytes, url.origin(), url.length() < 0 ? Long.MAX_VALUE : url.length());
        } catch (ImapUrl.BadUrl e) {
            // RFC 4469 §4.1: the first URL that failed, as url-resp-text (no "]", no controls)
            throw new Refused(Completion.no(ResponseCode.BADURL.with(respText(text)), "Bad URL: " + e.getMessage()));
        }
    }

    /**
     * The URL's mailbox as this account sees it (its own, another user's or a shared one), or the selected one for
     * a URL without a mailbox; null unless the account holds the "r" right on it (RFC 4314 §4: reading a
     * message's content, as FETCH would), so that a refusal names neither the mailbox nor the right.
     */
    private static MailboxInfo mailbox(ImapSession session, ImapUrl url) {
        long account = session.account().id();
        Optional<AccessibleMailbox> found;
        if (url.mailbox() == null) {
            // RFC 4469 §3: in the selected state the base URL names the selected mailbox
            SelectedMailbox selected = session.selected();
            found = selected == null ? Optional.empty() : session.context().access().find(account, selected.id());
        } else {
            found = session.context().access().find(account, url.mailbox());
        }
        return found.filter(m -> m.has(Right.READ)).map(AccessibleMailbox::mailbox).orElse(null);
    }

    private static SectionSpec section(String text) {
        try {
            return FetchParser.section(text);
        } catch (ImapSyntaxException e) {
            throw new ImapUrl.BadUrl("bad section");
        }
    }

    /** Whether a part number names a part of the structure (RFC 9051 §6.4.5 numbering). */
    static boolean exists(BodyStructure root, int[] part) {
        BodyStructure current = root;
        for (int i = 0; i < part.length; i++) {
            if (i > 0 && !current.isMultipart()) {
                if (current.message() == null) {
                    return false;
                }
                // the parts of an encapsulated message are those of its body
                current = current.message().body();
            }
            int n = part[i];
            if (current.isMultipart()) {
                if (n > current.parts().size()) {
                    return false;
                }
                current = current.parts().get(n - 1);
            } else if (n != 1) {
                return false;
            }
        }
        return true;
    }

    private static String respText(String url) {
        StringBuilder sb = new StringBuilder(Math.min(url.length(), 1000));
        for (int i = 0; i < url.length() && sb.length() < 1000; i++) {
            char c = url.charAt(i);
            sb.append(c == ']' || c < 0x20 || c > 0x7e ? '?' : c);
        }
        return sb.isEmpty() ? "?" : sb.toString();
    }
}
