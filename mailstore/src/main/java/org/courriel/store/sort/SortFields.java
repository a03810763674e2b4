package org.courriel.store.sort;

import java.util.List;

import org.courriel.store.mime.Envelope;
import org.courriel.store.mime.EnvelopeAddress;
import org.courriel.store.mime.MessageParser;

/**
 * The sort keys of one message (RFC 5256 §3 SORT, RFC 5957 §4), computed once from its envelope when its content
 * is stored. Every string key is already in i;unicode-casemap canonical form as UTF-8 octets
 * ({@link UnicodeCasemap#key}), so that ordering the stored bytes is the collation; an absent field is the empty
 * key, which collates first (RFC 5256 §3).
 *
 * @param subject        the base subject (§2.1)
 * @param replyOrForward whether the subject marks a reply or forward (§3 REFERENCES, step 5)
 * @param from           the addr-mailbox of the first From address (§3 FROM)
 * @param to             the addr-mailbox of the first To address (§3 TO)
 * @param cc             the addr-mailbox of the first Cc address (§3 CC)
 * @param displayFrom    the display sort value of the first From address (RFC 5957 §3, §4 DISPLAYFROM)
 * @param displayTo      the display sort value of the first To address (RFC 5957 §4 DISPLAYTO)
 */
public record SortFields(byte[] subject, boolean replyOrForward, byte[] from, byte[] to, byte[] cc,
        byte[] displayFrom, byte[] displayTo) {

    /** The longest subject key kept; longer base subjects compare on this prefix. */
    public static final int MAX_SUBJECT_KEY = 1000;
    /** The longest address key kept. */
    public static final int MAX_ADDRESS_KEY = 255;

    public static SortFields of(Envelope envelope) {
        BaseSubject base = BaseSubject.of(envelope.subject());
        return new SortFields(UnicodeCasemap.key(base.text(), MAX_SUBJECT_KEY), base.replyOrForward(),
                address(mailbox(envelope.from())), address(mailbox(envelope.to())), address(mailbox(envelope.cc())),
                address(display(envelope.from())), address(display(envelope.to())));
    }

    private static byte[] address(String value) {
        return UnicodeCasemap.key(value, MAX_ADDRESS_KEY);
    }

    /** RFC 5256 §3: the [IMAP] addr-mailbox of the first address; empty when there is none. */
    static String mailbox(List<EnvelopeAddress> addresses) {
        if (addresses.isEmpty() || addresses.get(0).mailbox() == null) {
            return "";
        }
        return addresses.get(0).mailbox();
    }

    /**
     * RFC 5957 §3: the decoded addr-name when it is not empty; otherwise addr-mailbox@addr-host when both are
     * there; otherwise the addr-mailbox (a group's name); otherwise empty.
     */
    static String display(List<EnvelopeAddress> addresses) {
        if (addresses.isEmpty()) {
            return "";
        }
        EnvelopeAddress first = addresses.get(0);
        String name = first.name() == null ? "" : MessageParser.decode(first.name());
        if (!name.isEmpty()) {
            return name;
        }
        if (first.mailbox() != null && first.host() != null) {
            return first.mailbox() + "@" + first.host();
        }
        return first.mailbox() == null ? "" : first.mailbox();
    }
}
