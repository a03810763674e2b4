package org.courriel.mta.spam;

import java.net.InetAddress;
import java.time.Instant;

import org.courriel.mta.spam.dnsbl.DnsblChecker;
import org.courriel.mta.spam.dnsbl.DnsblResult;
import org.courriel.mta.spam.greylist.GreylistDecision;
import org.courriel.mta.spam.greylist.Greylisting;

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

    public SpamScreening(DnsblChecker dnsbl, Greylisting greylisting, SpamFilter filter, SpamProperties properties) {
        this.dnsbl = dnsbl;
        this.greylisting = greylisting;
        this.filter = filter;
        this.properties = properties;
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
