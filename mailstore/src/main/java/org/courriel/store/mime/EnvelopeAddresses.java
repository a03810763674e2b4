package org.courriel.store.mime;

import java.util.ArrayList;
import java.util.List;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/**
 * Turns an address-list header value (RFC 5322 §3.4) into envelope addresses, groups included
 * (RFC 9051 §7.5.2: a group is framed by a start marker carrying its name and an end marker).
 * Display names come back decoded from RFC 2047 encoded words. The one parse that ENVELOPE and SEARCH
 * FROM/TO/CC/BCC share.
 */
public final class EnvelopeAddresses {

    private static final LenientAddressParser PARSER = new LenientAddressParser(DecodeMonitor.SILENT) {
    };

    private EnvelopeAddresses() {
    }

    /** The addresses of an unfolded field value; empty when there are none or the value cannot be read. */
    public static List<EnvelopeAddress> parse(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        AddressList list;
        try {
            list = PARSER.parseAddressList(value);
        } catch (RuntimeException e) {
            return List.of();
        }
        List<EnvelopeAddress> out = new ArrayList<>();
        for (Address address : list) {
            if (address instanceof Mailbox mailbox) {
                out.add(of(mailbox, value));
            } else if (address instanceof Group group) {
                out.add(EnvelopeAddress.groupStart(group.getName()));
                group.getMailboxes().forEach(m -> out.add(of(m, value)));
                out.add(EnvelopeAddress.groupEnd());
            }
        }
        return List.copyOf(out);
    }

    /** {@code local@domain<addr-spec>}: what the lenient parser makes of an unquoted '@' in a display name. */
    private static final java.util.regex.Pattern NAME_WITH_AT =
            java.util.regex.Pattern.compile("(.*?)\\s*<([^<>@\\s]+)@([^<>@\\s]+)>");

    private static EnvelopeAddress of(Mailbox m, String value) {
        if (m.getDomain() != null && m.getDomain().indexOf('<') >= 0) {
            // RFC 5322 §3.4 wants such a name quoted; "a@b <a@c>" is still meant as name "a@b", address a@c.
            var match = NAME_WITH_AT.matcher(m.getLocalPart() + "@" + m.getDomain());
            if (match.matches()) {
                return new EnvelopeAddress(match.group(1), null, match.group(2), match.group(3));
            }
        }
        String route = m.getRoute() == null || m.getRoute().isEmpty() ? null : m.getRoute().toRouteString();
        String name = m.getName() == null || m.getName().isEmpty() ? commentName(m, value) : m.getName();
        return new EnvelopeAddress(name, route, m.getLocalPart(), m.getDomain());
    }

    /**
     * {@code user@domain (Real Name)}: the obsolete form of a display name (RFC 5322 §3.4, §4.4). With no phrase,
     * the comment that follows the bare addr-spec is taken as the name, as Dovecot and most clients do, so that
     * clients show a name; null when there is none.
     */
    private static String commentName(Mailbox m, String value) {
        if (m.getDomain() == null || value.indexOf('(') < 0) {
            return null; // no comment at all: spare compiling the pattern (most addresses)
        }
        var comment = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(m.getLocalPart() + "@" + m.getDomain())
                + "[ \\t]*\\(((?:[^()\\\\]|\\\\.)*)\\)").matcher(value);
        if (!comment.find()) {
            return null;
        }
        // RFC 5322 §3.2.2: ctext with quoted-pairs; RFC 2047 §5(1) allows encoded words in a comment
        String text = comment.group(1).replaceAll("\\\\(.)", "$1").strip();
        return text.isEmpty() ? null : DecoderUtil.decodeEncodedWords(text, DecodeMonitor.SILENT);
    }
}
