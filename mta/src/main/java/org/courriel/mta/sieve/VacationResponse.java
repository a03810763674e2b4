package org.courriel.mta.sieve;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.james.mime4j.codec.EncoderUtil;
import org.courriel.sieve.ParsedMessage;
import org.courriel.sieve.SieveAction;

/** Builds the bytes of a vacation response (RFC 5230 §5, RFC 3834 §3). Pure. */
final class VacationResponse {

    private VacationResponse() {
    }

    /**
     * @param from     the response's From address (:from, or the recipient's address)
     * @param sender   the original envelope sender, the response's To
     */
    static byte[] build(SieveAction.Vacation v, String from, String sender, ParsedMessage original,
            String hostname, ZonedDateTime now) {
        StringBuilder h = new StringBuilder();
        h.append("From: ").append(oneLine(from)).append("\r\n");
        h.append("To: <").append(sender).append(">\r\n");
        h.append("Subject: ").append(EncoderUtil.encodeIfNecessary(subject(v, original),
                EncoderUtil.Usage.TEXT_TOKEN, 9)).append("\r\n");
        h.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(now)).append("\r\n");
        h.append("Message-ID: <").append(UUID.randomUUID()).append('@').append(hostname).append(">\r\n");
        // RFC 5230 §5.8: In-Reply-To and References of the original.
        List<String> ids = original.header("Message-ID");
        if (!ids.isEmpty()) {
            String id = oneLine(ids.getFirst());
            h.append("In-Reply-To: ").append(id).append("\r\n");
            String refs = original.header("References").stream().findFirst().map(VacationResponse::oneLine).orElse("");
            h.append("References: ").append(refs.isEmpty() ? id : refs + " " + id).append("\r\n");
        }
        // RFC 3834 §5.1, RFC 5230 §5.4.
        h.append("Auto-Submitted: auto-replied (vacation)\r\n");
        h.append("MIME-Version: 1.0\r\n");
        if (v.mime()) {
            // RFC 5230 §4.4: the reason is a MIME entity with its own header.
            h.append(v.reason().replaceAll("(?<!\r)\n", "\r\n"));
        } else {
            h.append("Content-Type: text/plain; charset=UTF-8\r\n");
            h.append("Content-Transfer-Encoding: 8bit\r\n\r\n");
            String body = v.reason().replaceAll("(?<!\r)\n", "\r\n");
            h.append(body.endsWith("\r\n") ? body : body + "\r\n");
        }
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    // RFC 5230 §4.3 / §5.2: "Auto:" and the original subject when the script gives none.
    private static String subject(SieveAction.Vacation v, ParsedMessage original) {
        if (v.subject() != null) {
            return oneLine(v.subject());
        }
        String s = original.header("Subject").stream().findFirst().map(VacationResponse::oneLine).orElse("");
        return s.toLowerCase(Locale.ROOT).startsWith("auto:") ? s : "Auto: " + s;
    }

    /** A script's text in a header field: no line breaks, so no header can be added through it. */
    static String oneLine(String s) {
        return s.replaceAll("[\r\n]+", " ").strip();
    }
}
