package org.courriel.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.courriel.imap.fetch.FetchParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapSession;
import org.courriel.access.net.MemoryBudget;
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
 * parts are added so that no more than the limit is ever held. What URLs bring in is reserved from the literals'
 * budget before it is read ({@link Memory}), a header section is read from the stored header alone, and one
 * APPEND holds at most {@value #MAX_URLS} URLs.
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

    private static final java.util.Set<SectionSpec.Text> HEADER_SECTIONS = java.util.EnumSet.of(
            SectionSpec.Text.HEADER, SectionSpec.Text.HEADER_FIELDS, SectionSpec.Text.HEADER_FIELDS_NOT);

    /** Most URL parts in one APPEND, all its messages together: each may read a whole stored message. */
    static final int MAX_URLS = 100;

    /**
     * What the messages of one APPEND hold in memory beyond their literals, reserved from the literals' budget
     * ({@code courriel.imap.max-literals-in-flight}) before it is held: the stored content a URL reads, the parts
     * taken from it and each assembled message. Closed when the command is done.
     */
    static final class Memory implements AutoCloseable {
        private final MemoryBudget.Lease lease;
        /** Bytes held for good until the command is done: the parts and messages built so far. */
        private long held;

        Memory(MemoryBudget.Lease lease) {
            this.lease = lease;
        }

        /** Makes room for {@code bytes} more than what is held, refusing the APPEND when there is none in time. */
        void cover(long bytes) {
            long wanted = held + bytes;
            // whole KiB, as the budget counts them, so that the lease gives back exactly what it took
            if (!lease.cover((wanted + 1023) / 1024 * 1024)) {
                throw new Refused(Completion.no(ResponseCode.UNAVAILABLE,
                        "Too many messages are being appended at once; try again"));
            }
        }

        void hold(long bytes) {
            held += bytes;
        }

        void drop(long bytes) {
            held -= bytes;
        }

        @Override
        public void close() {
            lease.close();
        }
    }

    /** The number of URL parts among {@code parts}. */
    static int urls(List<Part> parts) {
        return (int) parts.stream().filter(p -> p instanceof Part.Url).count();
    }

    /** The bytes of the catenated message, at most {@code limit} of them, reserved in {@code memory}. */
    static byte[] assemble(ImapSession session, List<Part> parts, long limit, Memory memory) {
        List<byte[]> pieces = new ArrayList<>(parts.size());
        long size = 0;
        for (Part part : parts) {
            byte[] bytes = switch (part) {
                case Part.Text t -> t.bytes();
                case Part.Url u -> resolve(session, u.url(), memory);
            };
            if (size + bytes.length > limit) {
                // RFC 4469 §4.2: past the server's limit on a message
                throw new Refused(Completion.no(ResponseCode.TOOBIG, "The catenated message is too big"));
            }
            size += bytes.length;
            pieces.add(bytes);
        }
        memory.cover(size);
        byte[] out = new byte[(int) size];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, out, at, piece.length);
            at += piece.length;
        }
        // the pieces of URLs go; the message stays until the command is done
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) instanceof Part.Url) {
                memory.drop(pieces.get(i).length);
            }
        }
        memory.hold(size);
        return out;
    }

    private static byte[] resolve(ImapSession session, String text, Memory memory) {
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
            byte[] bytes = section(session, message.get(), spec, memory);
            bytes = url.origin() < 0 ? bytes
                    : MessageSections.partial(bytes, url.origin(), url.length() < 0 ? Long.MAX_VALUE : url.length());
            memory.hold(bytes.length);
            return bytes;
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

    /**
     * The section's bytes, from the stored header alone for a header section of the message (the store keeps
     * it apart), from the whole content otherwise; what is read is reserved first.
     */
    private static byte[] section(ImapSession session, MessageRecord message, SectionSpec spec, Memory memory) {
        var messages = session.context().messages();
        if (spec.part().length == 0 && HEADER_SECTIONS.contains(spec.text())) {
            // at most the message less its body (a multipart's body size is 0: then the whole size)
            BodyStructure body = message.summary().body();
            memory.cover(Math.max(0, message.size() - (body.isMultipart() ? 0 : body.size())));
            byte[] header = messages.header(message.contentId());
            memory.cover(header.length);
            return MessageSections.extract(header, spec);
        }
        memory.cover(message.size());
        return MessageSections.extract(messages.content(message.contentId()), spec);
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
