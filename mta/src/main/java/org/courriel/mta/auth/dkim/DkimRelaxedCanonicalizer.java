package org.courriel.mta.auth.dkim;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** The "relaxed" canonicalization of RFC 6376 §3.4.2 (header) and §3.4.4 (body). Pure, byte-exact. */
final class DkimRelaxedCanonicalizer {

    private DkimRelaxedCanonicalizer() {
    }

    /**
     * RFC 6376 §3.4.2: lower-case name, unfolded, runs of WSP as one SP, no WSP at the end of the value nor
     * around the colon; with the CRLF that ends it.
     */
    static String header(String field) {
        int colon = field.indexOf(':');
        String name = trimWsp(field.substring(0, colon)).toLowerCase(Locale.ROOT);
        String value = trimWsp(field.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " "));
        return name + ":" + value + "\r\n";
    }

    /** Without SP and HTAB at either end; {@link String#strip()} would take other control characters too. */
    private static String trimWsp(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }

    /** RFC 6376 §3.7 bh=: the SHA-256 of the relaxed body (§3.4.4) from {@code start}. */
    static byte[] bodyHash(byte[] message, int start) {
        MessageDigest sha = sha256();
        int pendingEmptyLines = 0;
        int i = start;
        StringBuilder line = new StringBuilder();
        while (i < message.length) {
            int end = i;
            while (end < message.length && message[end] != '\r' && message[end] != '\n') {
                end++;
            }
            line.setLength(0);
            boolean inWsp = false;
            for (int j = i; j < end; j++) {
                byte b = message[j];
                if (b == ' ' || b == '\t') {
                    inWsp = true;
                } else {
                    if (inWsp) {
                        line.append(' ');
                        inWsp = false;
                    }
                    line.append((char) (b & 0xff));
                }
            }
            // §3.4.4: WSP at the end of a line is ignored; a run inside becomes one SP.
            if (line.isEmpty()) {
                pendingEmptyLines++; // §3.4.4: empty lines at the end of the body are ignored
            } else {
                for (; pendingEmptyLines > 0; pendingEmptyLines--) {
                    sha.update(new byte[] {'\r', '\n'});
                }
                sha.update(line.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                sha.update(new byte[] {'\r', '\n'}); // a last line without CRLF gets one (§3.4.4)
            }
            if (end + 1 < message.length && message[end] == '\r' && message[end + 1] == '\n') {
                i = end + 2;
            } else {
                i = end + 1;
            }
        }
        return sha.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
