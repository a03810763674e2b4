package org.courriel.imap.fetch;

import java.util.List;

import org.apache.james.mime4j.codec.EncoderUtil;
import org.courriel.imap.protocol.ImapString;
import org.courriel.store.mime.Envelope;
import org.courriel.store.mime.EnvelopeAddress;

/**
 * Encodes the ENVELOPE fetch item (RFC 9051 §7.5.2, RFC 3501 §7.4.2):
 * {@code (date subject from sender reply-to to cc bcc in-reply-to message-id)}. Pure.
 *
 * <p>Date, subject, in-reply-to and message-id go out as the header wrote them (encoded words kept). Display
 * names are stored decoded: a session with UTF-8 enabled gets them as they are, any other session gets a
 * non-ASCII name as an RFC 2047 encoded word, so that no 8-bit text reaches a client that did not ask for it.
 * A subject written in raw UTF-8 (RFC 6532) is downgraded the same way for such a session (RFC 6858 §3).
 */
public final class EnvelopeEncoder {

    /** The host given to an address that has none, so that a NIL host keeps meaning a group marker. */
    static final String MISSING_DOMAIN = "MISSING_DOMAIN";

    private EnvelopeEncoder() {
    }

    public static void encode(StringBuilder out, Envelope envelope, boolean utf8) {
        out.append('(');
        ImapString.nstring(out, envelope.date(), utf8);
        out.append(' ');
        ImapString.nstring(out, text(envelope.subject(), utf8), utf8);
        out.append(' ');
        addresses(out, envelope.from(), utf8);
        out.append(' ');
        // RFC 9051 §7.5.2: an absent or empty Sender or Reply-To is set to the From member.
        addresses(out, envelope.sender(), utf8);
        out.append(' ');
        addresses(out, envelope.replyTo(), utf8);
        out.append(' ');
        addresses(out, envelope.to(), utf8);
        out.append(' ');
        addresses(out, envelope.cc(), utf8);
        out.append(' ');
        addresses(out, envelope.bcc(), utf8);
        out.append(' ');
        ImapString.nstring(out, envelope.inReplyTo(), utf8);
        out.append(' ');
        ImapString.nstring(out, envelope.messageId(), utf8);
        out.append(')');
    }

    /** env-from etc.: {@code "(" 1*address ")" / nil}; an empty list is NIL (RFC 9051 §7.5.2). */
    static void addresses(StringBuilder out, List<EnvelopeAddress> addresses, boolean utf8) {
        if (addresses == null || addresses.isEmpty()) {
            out.append("NIL");
            return;
        }
        out.append('(');
        boolean inGroup = false;
        for (int i = 0; i < addresses.size(); i++) {
            EnvelopeAddress a = addresses.get(i);
            if (a.host() == null && a.mailbox() == null) {
                inGroup = false;
            } else if (a.host() == null) {
                if (!inGroup && endsGroupLater(addresses, i)) {
                    inGroup = true;
                } else {
                    // An address without a domain ("To: <Undisclosed Recipients>") must not read as a group
                    // start: groups do not nest, and a start without an end is no group.
                    a = new EnvelopeAddress(a.name(), a.route(), a.mailbox(), MISSING_DOMAIN);
                }
            }
            address(out, a, utf8);
        }
        out.append(')');
    }

    private static boolean endsGroupLater(List<EnvelopeAddress> addresses, int start) {
        for (int i = start + 1; i < addresses.size(); i++) {
            if (addresses.get(i).host() == null && addresses.get(i).mailbox() == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code (name adl mailbox host)}. A group start has NIL host and the group name as mailbox; a group end is
     * all NIL (RFC 9051 §7.5.2).
     */
    static void address(StringBuilder out, EnvelopeAddress a, boolean utf8) {
        out.append('(');
        ImapString.nstring(out, name(a.name(), utf8), utf8);
        out.append(' ');
        ImapString.nstring(out, a.route(), utf8);
        out.append(' ');
        ImapString.nstring(out, a.host() == null ? name(a.mailbox(), utf8) : a.mailbox(), utf8);
        out.append(' ');
        ImapString.nstring(out, a.host(), utf8);
        out.append(')');
    }

    /** Unstructured text as the session can take it: RFC 2047 encoded when not ASCII and UTF-8 is not enabled. */
    static String text(String value, boolean utf8) {
        if (value == null || utf8 || value.chars().allMatch(c -> c < 0x80)) {
            return value;
        }
        return EncoderUtil.encodeEncodedWord(value, EncoderUtil.Usage.TEXT_TOKEN);
    }

    /** A phrase as the session can take it: RFC 2047 encoded when not ASCII and UTF-8 is not enabled. */
    static String name(String phrase, boolean utf8) {
        if (phrase == null || utf8 || phrase.chars().allMatch(c -> c < 0x80)) {
            return phrase;
        }
        return EncoderUtil.encodeEncodedWord(phrase, EncoderUtil.Usage.WORD_ENTITY);
    }
}
