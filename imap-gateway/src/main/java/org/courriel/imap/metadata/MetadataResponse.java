package org.courriel.imap.metadata;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.courriel.imap.protocol.ImapString;
import org.courriel.imap.protocol.ResponseWriter;
import org.courriel.store.metadata.MetadataEntry;

/**
 * The METADATA response (RFC 5464 §4.4): entries with their values, or (unsolicited, §4.4.2) their names alone.
 * A value goes as a quoted string when it is short printable ASCII, as a literal otherwise, and as a literal8
 * ({@code ~{n}}, RFC 5464 §5 {@code value = nstring / literal8}) when it holds a NUL.
 */
public final class MetadataResponse {

    private MetadataResponse() {
    }

    /** {@code * METADATA mailbox (entry value ...)}; {@code mailbox} is already encoded as an astring. */
    public static void withValues(ResponseWriter out, String mailbox, List<MetadataEntry> entries) {
        out.text("* METADATA " + mailbox + " (");
        for (int i = 0; i < entries.size(); i++) {
            MetadataEntry e = entries.get(i);
            StringBuilder sb = new StringBuilder();
            if (i > 0) {
                sb.append(' ');
            }
            entry(sb, e.name());
            sb.append(' ');
            out.text(sb);
            value(out, e.value());
        }
        out.text(")\r\n");
    }

    /** {@code * METADATA mailbox entry ...}: the names of changed entries (RFC 5464 §4.4.2). */
    public static String names(String mailbox, List<String> entries) {
        StringBuilder sb = new StringBuilder("METADATA ").append(mailbox);
        for (String e : entries) {
            sb.append(' ');
            entry(sb, e);
        }
        return sb.toString();
    }

    /** An entry name as an atom, as RFC 5464 writes them, or quoted when it holds an atom-special. */
    static void entry(StringBuilder sb, String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            // RFC 9051 §9 atom-specials (entry names are printable ASCII without "*" and "%", RFC 5464 §3.2)
            if (c == ' ' || c == '(' || c == ')' || c == '{' || c == '"' || c == '\\' || c == ']') {
                ImapString.string(sb, name, false);
                return;
            }
        }
        sb.append(name);
    }

    private static void value(ResponseWriter out, byte[] value) {
        if (value == null) {
            out.text("NIL");
        } else if (quotable(value)) {
            StringBuilder sb = new StringBuilder(value.length + 2);
            ImapString.string(sb, new String(value, StandardCharsets.US_ASCII), false);
            out.text(sb);
        } else {
            out.text((hasNul(value) ? "~{" : "{") + value.length + "}\r\n");
            out.bytes(value, 0, value.length);
        }
    }

    private static boolean quotable(byte[] value) {
        if (value.length > 1000) {
            return false;
        }
        for (byte b : value) {
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNul(byte[] value) {
        for (byte b : value) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
