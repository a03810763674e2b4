package org.courriel.imap.metadata;

import java.util.Locale;

import org.courriel.imap.protocol.ImapSyntaxException;

/**
 * An annotation entry name (RFC 5464 §3.2): slash-separated, starting with {@code /private} or {@code /shared},
 * case-insensitive (kept lower case). Pure; an invalid name is a syntax error, answered BAD (RFC 5464 §3.2).
 */
public final class EntryName {

    /** Longest entry name taken; the store keeps 1024 characters. */
    public static final int MAX_LENGTH = 1024;

    private EntryName() {
    }

    /**
     * Checks a name as GETMETADATA or SETMETADATA uses it. {@code scopeAlone} lets the bare scope
     * ({@code /private}, {@code /shared}) through, which GETMETADATA with DEPTH reads below.
     */
    public static String parse(String name, boolean scopeAlone) {
        if (name.length() > MAX_LENGTH) {
            throw new ImapSyntaxException("entry name longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            // RFC 5464 §3.2: no "*" or "%", no non-ASCII, no control characters
            if (c == '*' || c == '%' || c < 0x20 || c > 0x7e) {
                throw new ImapSyntaxException("entry names take printable ASCII other than * and %");
            }
        }
        // RFC 5464 §3.2: no two consecutive "/", no "/" at the end
        if (name.contains("//") || name.endsWith("/")) {
            throw new ImapSyntaxException("entry name with an empty component");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean scope = lower.equals("/private") || lower.equals("/shared");
        if (scope && scopeAlone) {
            return lower;
        }
        // RFC 5464 §3.2: /private or /shared first, at least 2 components; 4 under /<scope>/vendor/
        if (!lower.startsWith("/private/") && !lower.startsWith("/shared/")) {
            throw new ImapSyntaxException("entry names start with /private/ or /shared/");
        }
        String[] components = lower.substring(1).split("/");
        if (components[1].equals("vendor") && components.length < 4) {
            throw new ImapSyntaxException("vendor entries are /" + components[0] + "/vendor/<vendor-token>/...");
        }
        return lower;
    }
}
