package org.courriel.mta.auth.arc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.courriel.mta.auth.message.InboundMessage;
import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.ForwardSealing;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.maillog.MailOrigin;
import org.courriel.store.dkim.DkimAlgorithm;
import org.courriel.store.dkim.DkimKeyService;
import org.courriel.store.dkim.DkimSigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals mail that the MX received and an alias sends on to an outside address (RFC 8617 §5.1), so that the
 * next receiver can see what this server found when DMARC no longer passes there. Only mail from an
 * unauthenticated SMTP client: submitted or API mail is signed, never sealed, and any Authentication-Results
 * of our id in it is the sender's own text, not our verdict. The key is the RSA key of the first domain among
 * the envelope's recipients that has one (the alias's domain).
 */
public final class ArcForwardSealing implements ForwardSealing {

    private static final Logger log = LoggerFactory.getLogger(ArcForwardSealing.class);

    private final DkimKeyService keys;
    private final String authservId;
    private final Clock clock;

    public ArcForwardSealing(DkimKeyService keys, String authservId, Clock clock) {
        this.keys = keys;
        this.authservId = authservId;
        this.clock = clock;
    }

    @Override
    public byte[] seal(byte[] message, MailEnvelope envelope, MailOrigin origin) {
        if (origin == null || origin.helo() == null || origin.auth() != null) {
            return message;
        }
        try {
            if (ArcSealer.ourResults(InboundMessage.parse(message), authservId) == null) {
                return message;
            }
            Optional<DkimSigningKey> key = key(envelope);
            if (key.isEmpty()) {
                return message;
            }
            byte[] set = ArcSealer.seal(message, authservId, key.get(), clock.instant())
                    .getBytes(StandardCharsets.ISO_8859_1);
            if (set.length == 0) {
                return message;
            }
            byte[] sealed = new byte[set.length + message.length];
            System.arraycopy(set, 0, sealed, 0, set.length);
            System.arraycopy(message, 0, sealed, set.length, message.length);
            return sealed;
        } catch (RuntimeException e) {
            log.warn("Forwarded copy left unsealed: {}", e.toString());
            return message;
        }
    }

    private Optional<DkimSigningKey> key(MailEnvelope envelope) {
        Set<String> domains = new LinkedHashSet<>();
        for (EnvelopeRecipient r : envelope.recipients()) {
            domains.add(r.address().substring(r.address().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT));
        }
        for (String domain : domains) {
            Optional<DkimSigningKey> rsa = keys.signingKeys(domain).stream()
                    .filter(k -> k.key().algorithm() == DkimAlgorithm.RSA_SHA256).findFirst();
            if (rsa.isPresent()) {
                return rsa;
            }
        }
        return Optional.empty();
    }
}
