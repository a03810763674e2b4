package org.courriel.mta.srs;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.courriel.access.ServerProperties;
import org.courriel.mta.delivery.ForwardingAddress;
import org.courriel.store.account.DomainService;
import org.courriel.store.srs.SrsSecret;
import org.courriel.store.srs.SrsSecrets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * SRS for the copies Courriel forwards, with the store's shared secrets ({@link SrsSecrets}): a sender outside
 * our domains becomes {@code SRS0=...@<courriel.srs.domain>}; a recipient at that domain is read back.
 * The null reverse-path stays null and a sender in one of our domains is kept, since our SPF covers it.
 */
@Component
@EnableConfigurationProperties(SrsProperties.class)
public class SrsForwarding implements ForwardingAddress {

    private final SrsProperties properties;
    private final SrsSecrets secrets;
    private final DomainService domains;
    private final String domain;
    private final Clock clock;

    @Autowired
    SrsForwarding(SrsProperties properties, ServerProperties server, SrsSecrets secrets, DomainService domains) {
        this(properties, server, secrets, domains, Clock.systemUTC());
    }

    SrsForwarding(SrsProperties properties, ServerProperties server, SrsSecrets secrets, DomainService domains,
            Clock clock) {
        this.properties = properties;
        this.secrets = secrets;
        this.domains = domains;
        this.domain = (properties.domain().isBlank() ? server.hostname() : properties.domain().strip())
                .toLowerCase(Locale.ROOT);
        this.clock = clock;
    }

    /** The domain of the rewritten reverse-paths. */
    public String domain() {
        return domain;
    }

    @Override
    public String reversePath(String originalSender, String forwarder) {
        int at = originalSender.lastIndexOf('@');
        if (!properties.enabled() || at < 0) {
            return originalSender; // RFC 5321 §4.5.5: the null reverse-path of a bounce is never replaced
        }
        String senderDomain = originalSender.substring(at + 1);
        if (senderDomain.equalsIgnoreCase(domain) || domains.isLocal(senderDomain)) {
            return originalSender;
        }
        return SrsCodec.forward(originalSender, domain, secrets.all().getFirst().key(), today());
    }

    @Override
    public Return returning(String recipient) {
        int at = recipient.lastIndexOf('@');
        if (at <= 0 || !recipient.substring(at + 1).equalsIgnoreCase(domain)) {
            return new Return.Ordinary();
        }
        List<byte[]> keys = secrets.all().stream().map(SrsSecret::key).toList();
        return switch (SrsCodec.reverse(recipient.substring(0, at), keys, today(), properties.maxAgeDays())) {
            case SrsDecoding.NotSrs n -> new Return.Ordinary();
            case SrsDecoding.Original o -> new Return.Original(o.address());
            case SrsDecoding.Invalid i -> new Return.Forged(i.reason());
        };
    }

    private long today() {
        return clock.instant().getEpochSecond() / 86_400;
    }
}
