package org.courriel.mta.spam;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.courriel.mta.auth.message.InboundMessage;
import org.courriel.mta.spam.dnsbl.DnsblChecker;
import org.courriel.mta.spam.dnsbl.DnsblResult;
import org.courriel.mta.spam.greylist.GreylistDecision;
import org.courriel.mta.spam.greylist.Greylisting;
import org.courriel.mta.spam.sanity.SanityChecks;

/**
 * The spam defences of the MX, in the order they cost: the client's address against the blocklists (at MAIL,
 * answered at RCPT), then at the end of DATA greylisting and the filter. Built from the configured parts, each
 * of which may be off; the SMTP intake asks this one object.
 */
public final class SpamScreening {

    /** What the end of DATA decided, and the header fields to add to a delivered message. */
    public record Result(SpamDecision decision, boolean greylisted, String headers, String reason) {
    }

    private final DnsblChecker dnsbl;
    private final Greylisting greylisting;
    private final SpamFilter filter;
    private final SpamProperties properties;
    private final OutboundScoring outbound;
    private final SanityChecks sanity;

    public SpamScreening(DnsblChecker dnsbl, Greylisting greylisting, SpamFilter filter, SpamProperties properties) {
        this(dnsbl, greylisting, filter, properties, SanityChecks.NONE);
    }

    /** @param sanity the MX's checks of HELO, the sender domain and early talkers */
    public SpamScreening(DnsblChecker dnsbl, Greylisting greylisting, SpamFilter filter, SpamProperties properties,
            SanityChecks sanity) {
        this.sanity = sanity;
        this.dnsbl = dnsbl;
        this.greylisting = greylisting;
        this.filter = filter;
        this.properties = properties;
        this.outbound = new OutboundScoring(filter, properties);
    }

    /** The MX's sanity checks (HELO, sender domain, early talkers). */
    public SanityChecks sanity() {
        return sanity;
    }

    /** The scoring of what authenticated senders send, with the same filter. */
    public OutboundScoring outbound() {
        return outbound;
    }

    /** The header fields a filter's verdict is written in; the sender's own copies of them are removed. */
    private static final List<String> VERDICT_FIELDS = List.of("X-Spam-Status", "X-Spam-Score");

    /**
     * {@code message} without the sender's own X-Spam-Status and X-Spam-Score fields, when ours are written: a
     * forged {@code X-Spam-Status: No} must not reach a client or a Sieve rule, even when rspamd was not asked.
     */
    public byte[] withoutForgedVerdicts(byte[] message) {
        if (!properties.addHeaders() || filter == SpamFilter.NONE) {
            return message;
        }
        InboundMessage parsed = InboundMessage.parse(message);
        if (VERDICT_FIELDS.stream().allMatch(name -> parsed.fields(name).isEmpty())) {
            return message;
        }
        StringBuilder head = new StringBuilder();
        for (InboundMessage.Field f : parsed.fields()) {
            if (VERDICT_FIELDS.stream().noneMatch(f::is)) {
                head.append(f.raw()).append("\r\n");
            }
        }
        byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = parsed.body();
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** The blocklist that names {@code client}, or null. */
    public DnsblResult.Listed blocklisted(InetAddress client) {
        return dnsbl.enabled() && dnsbl.check(client) instanceof DnsblResult.Listed listed ? listed : null;
    }

    /**
     * Greylisting (unless the sender passed DMARC: it is who it claims to be, and greylisting only delays it),
     * then the filter's verdict on {@code message} as it will be stored.
     */
    public Result atEndOfData(SpamRequest request, InetAddress client, boolean dmarcPass, byte[] message, Instant now) {
        if (greylisting.enabled() && !dmarcPass) {
            GreylistDecision grey = greylisting.check(client, request.mailFrom(), request.recipients(), now);
            if (grey instanceof GreylistDecision.Defer defer) {
                return new Result(SpamDecision.TEMPFAIL, true, "",
                        "greylisted for " + defer.retryAfter().toSeconds() + " s");
            }
        }
        SpamVerdict verdict = filter.score(request, message);
        SpamDecision decision = verdict.decision(properties.rspamd().whenUnavailable());
        String headers = properties.addHeaders() ? verdict.headerFields(decision == SpamDecision.JUNK) : "";
        String reason = verdict.available() ? verdict.action().wireName() + " score " + verdict.score()
                + (verdict.reason().isEmpty() ? "" : " (" + verdict.reason() + ")") : verdict.reason();
        return new Result(decision, false, headers, reason);
    }
}
