package org.courriel.mta.dsn;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Encodes the body of a {@code message/delivery-status} part (RFC 3464 §2.1): the per-message fields, then
 * one block of per-recipient fields each, blocks separated by an empty line. Pure: fields in, bytes out.
 */
public final class DeliveryStatusFields {

    /** Longest value written, so no line approaches the 998 octets of RFC 5322 §2.1.1. */
    static final int MAX_VALUE = 900;

    private DeliveryStatusFields() {
    }

    /**
     * @param reportingMta this server's name (§2.2.2)
     * @param envId        ENVID of the original transaction, or null (§2.2.1)
     * @param arrival      when the original message was accepted (§2.2.5)
     */
    public static byte[] encode(String reportingMta, String envId, Instant arrival, List<DsnRecipient> recipients) {
        StringBuilder out = new StringBuilder();
        if (envId != null) {
            field(out, "Original-Envelope-Id", envId);
        }
        field(out, "Reporting-MTA", "dns; " + reportingMta);
        if (arrival != null) {
            field(out, "Arrival-Date", date(arrival));
        }
        for (DsnRecipient r : recipients) {
            out.append("\r\n");
            if (r.originalRecipient() != null) {
                field(out, "Original-Recipient", r.originalRecipient());
            }
            field(out, "Final-Recipient", "rfc822; " + r.finalRecipient());
            field(out, "Action", r.action().field());
            field(out, "Status", r.status());
            if (r.remoteMta() != null) {
                field(out, "Remote-MTA", "dns; " + r.remoteMta());
            }
            if (r.diagnostic() != null) {
                field(out, "Diagnostic-Code", "smtp; " + r.diagnostic());
            }
            if (r.lastAttempt() != null) {
                field(out, "Last-Attempt-Date", date(r.lastAttempt()));
            }
            if (r.willRetryUntil() != null) {
                field(out, "Will-Retry-Until", date(r.willRetryUntil()));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 5322 §3.3 date-time, as RFC 3464 §2.1.1 asks. */
    static String date(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append(": ").append(clean(value)).append("\r\n");
    }

    /** A value on one line of printable ASCII: control characters and non-ASCII become '?' (headers are 7-bit). */
    static String clean(String value) {
        StringBuilder s = new StringBuilder(Math.min(value.length(), MAX_VALUE));
        for (int i = 0; i < value.length() && s.length() < MAX_VALUE; i++) {
            char c = value.charAt(i);
            s.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return s.toString();
    }
}
