package org.courriel.mta.auth.records;

import java.util.ArrayList;
import java.util.List;

/**
 * One record a domain should publish, as the operator pastes it into a zone.
 *
 * @param name    the owner name, absolute, without the final dot
 * @param type    MX, TXT, SRV or CNAME
 * @param value   the record data as text (for TXT the whole text, unsplit)
 * @param purpose what it is for, one line
 */
public record DnsRecord(String name, String type, String value, String purpose) {

    /** A zone-file line: TXT text quoted and split into strings of at most 255 bytes (RFC 1035 §3.3.14). */
    public String zoneLine() {
        String data = type.equals("TXT") ? quoted(value) : value;
        return name + ". IN " + type + " " + data;
    }

    private static String quoted(String text) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 255) {
            parts.add("\"" + text.substring(i, Math.min(text.length(), i + 255)) + "\"");
        }
        return String.join(" ", parts);
    }
}
