package org.courriel.mta.auth.dkim;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.apache.james.mime4j.field.address.ParseException;
import org.courriel.store.dkim.DkimKeyService;
import org.courriel.store.dkim.DkimSigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Signs a final message (trace fields, Date and Message-ID added) once, on its way out of submission: with the
 * active keys of the domain of its From address (RFC 6376 §3.10's d= is that domain, so DMARC aligns,
 * RFC 7489 §3.1.1), one signature per key. A message without exactly one From mailbox, or from a domain
 * without keys, leaves unsigned.
 * <p>
 * Line ends are made CRLF first, as the relay client would make them (RFC 5321 §2.3.8), so that the bytes
 * signed are the bytes sent; dot-stuffing is undone by the receiver and changes nothing.
 */
@Service
public class OutboundSigning {

    private static final Logger log = LoggerFactory.getLogger(OutboundSigning.class);

    private final DkimKeyService keys;
    private final Clock clock;

    @Autowired
    public OutboundSigning(DkimKeyService keys) {
        this(keys, Clock.systemUTC());
    }

    OutboundSigning(DkimKeyService keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The message with its DKIM-Signature fields on top, or the message (CRLF lines) as it was. */
    public byte[] sign(byte[] message) {
        byte[] crlf = LineEnds.crlf(message);
        String domain = fromDomain(RawHeaderSection.parse(crlf));
        if (domain == null) {
            return crlf;
        }
        List<DkimSigningKey> signing = keys.signingKeys(domain);
        if (signing.isEmpty()) {
            return crlf;
        }
        byte[] fields = DkimSigner.sign(crlf, signing, clock.instant()).getBytes(StandardCharsets.ISO_8859_1);
        byte[] signed = new byte[fields.length + crlf.length];
        System.arraycopy(fields, 0, signed, 0, fields.length);
        System.arraycopy(crlf, 0, signed, fields.length, crlf.length);
        return signed;
    }

    /** The domain of the single From mailbox (RFC 5322 §3.6.2), lower case, or null. */
    static String fromDomain(RawHeaderSection header) {
        List<String> from = header.values("From");
        if (from.size() != 1) {
            return null; // RFC 5322 §3.6: exactly one From; anything else is not ours to vouch for
        }
        String value = new String(from.get(0).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                .replace("\r\n", "");
        try {
            AddressList list = DefaultAddressParser.DEFAULT.parseAddressList(value);
            List<Mailbox> mailboxes = list.flatten();
            if (mailboxes.size() != 1 || mailboxes.get(0).getDomain() == null) {
                return null;
            }
            return mailboxes.get(0).getDomain().toLowerCase(Locale.ROOT);
        } catch (ParseException | RuntimeException e) {
            log.debug("From field not parsed, message not signed: {}", e.getMessage());
            return null;
        }
    }
}
