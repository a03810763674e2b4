package org.courriel.mta.sieve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.courriel.access.ServerProperties;
import org.courriel.mta.delivery.SieveDisposition;
import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailDelivery;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.sieve.ParsedMessage;
import org.courriel.sieve.SieveAction;
import org.courriel.store.StoreException;
import org.courriel.store.sieve.VacationReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sends a vacation response once the message is stored, when RFC 5230 and RFC 3834 allow one: never to the
 * null sender, lists, bulk or automatic mail, and at most once per sender per period (the period clamped to
 * the site's bounds). The response goes through {@link MailDelivery}, so to a remote sender through the
 * outbound queue like any mail, with the null reverse-path (RFC 3834 §3.3).
 */
@Component
public class VacationResponder {

    private static final Logger log = LoggerFactory.getLogger(VacationResponder.class);

    // RFC 2369 and RFC 2919: a message from a list.
    private static final List<String> LIST_FIELDS = List.of("List-Id", "List-Help", "List-Unsubscribe",
            "List-Subscribe", "List-Post", "List-Owner", "List-Archive");
    // RFC 5230 §4.6: addresses that are never people.
    private static final Set<String> SYSTEM_LOCAL_PARTS = Set.of("mailer-daemon", "postmaster", "listserv",
            "majordomo", "nobody", "noreply", "no-reply");

    private final VacationReplies replies;
    private final ObjectProvider<MailDelivery> delivery;
    private final SieveProperties properties;
    private final String hostname;
    private final SieveMetrics metrics;

    VacationResponder(VacationReplies replies, ObjectProvider<MailDelivery> delivery, SieveProperties properties,
            ServerProperties server, SieveMetrics metrics) {
        this.replies = replies;
        this.delivery = delivery;
        this.properties = properties;
        this.hostname = server.hostname();
        this.metrics = metrics;
    }

    /** Sends the response of {@code d}, if one is due. Never throws: a failed response is logged. */
    public void respond(SieveDisposition d, MailEnvelope envelope, byte[] message) {
        SieveAction.Vacation v = d.vacation();
        String sender = envelope.reversePath().toLowerCase(Locale.ROOT);
        ParsedMessage original = ParsedMessage.of(message, envelope.reversePath(), d.recipient(), n -> false);
        String why = refusal(v, sender, d, original);
        if (why != null) {
            log.debug("No vacation response from {} to <{}>: {}", d.account().address(), sender, why);
            metrics.vacation("suppressed");
            return;
        }
        Instant now = Instant.now();
        try {
            if (!replies.claim(d.account().id(), sender, handleKey(v), period(v), now)) {
                metrics.vacation("suppressed");
                return;
            }
            String from = v.from() != null ? v.from() : d.account().address();
            byte[] response = VacationResponse.build(v, from, envelope.reversePath(), original, hostname,
                    now.atZone(ZoneOffset.UTC));
            delivery.getObject().deliver(new MailEnvelope("", List.of(EnvelopeRecipient.of(sender)), null, null,
                    false, eightBit(response)), response);
            metrics.vacation("sent");
            log.info("Vacation response from {} to <{}>", d.account().address(), sender);
        } catch (StoreException e) {
            log.warn("Vacation response from {} to <{}> not sent: {}", d.account().address(), sender, e.getMessage());
        }
    }

    /** Why no response may go, or null when one may (RFC 3834 §2, RFC 5230 §4.5, §4.6). */
    private static String refusal(SieveAction.Vacation v, String sender, SieveDisposition d, ParsedMessage m) {
        if (sender.isEmpty()) {
            return "null reverse-path";
        }
        String local = sender.contains("@") ? sender.substring(0, sender.lastIndexOf('@')) : sender;
        if (SYSTEM_LOCAL_PARTS.contains(local) || local.startsWith("owner-") || local.endsWith("-request")) {
            return "a system address";
        }
        if (sender.equalsIgnoreCase(d.account().address())) {
            return "the user's own address";
        }
        if (m.header("Auto-Submitted").stream().anyMatch(a -> !a.strip().toLowerCase(Locale.ROOT).startsWith("no"))) {
            return "automatic mail (Auto-Submitted)";
        }
        if (m.header("Precedence").stream().map(p -> p.strip().toLowerCase(Locale.ROOT))
                .anyMatch(p -> p.equals("bulk") || p.equals("list") || p.equals("junk"))) {
            return "bulk mail (Precedence)";
        }
        if (LIST_FIELDS.stream().anyMatch(f -> !m.header(f).isEmpty())) {
            return "list mail";
        }
        // RFC 5230 §4.5: respond only when one of the user's addresses is an explicit recipient.
        List<String> mine = new ArrayList<>(v.addresses().stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());
        mine.add(d.account().address().toLowerCase(Locale.ROOT));
        mine.add(d.recipient().toLowerCase(Locale.ROOT));
        List<String> named = new ArrayList<>();
        for (String f : List.of("To", "Cc", "Bcc", "Resent-To", "Resent-Cc", "Resent-Bcc")) {
            m.addresses(f).forEach(a -> named.add(a.toLowerCase(Locale.ROOT)));
        }
        if (named.stream().noneMatch(mine::contains)) {
            return "not addressed to the user in To or Cc";
        }
        return null;
    }

    private Duration period(SieveAction.Vacation v) {
        Duration p = v.period();
        if (p.compareTo(properties.vacationMinPeriod()) < 0) {
            return properties.vacationMinPeriod();
        }
        return p.compareTo(properties.vacationMaxPeriod()) > 0 ? properties.vacationMaxPeriod() : p;
    }

    // RFC 5230 §4.2: without :handle, responses differ by their reason and subject.
    private static String handleKey(SieveAction.Vacation v) {
        String source = v.handle() != null ? "h:" + v.handle() : "r:" + v.reason() + "\n" + v.subject();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean eightBit(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }
}
