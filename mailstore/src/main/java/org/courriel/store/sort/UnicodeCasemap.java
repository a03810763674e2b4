package org.courriel.store.sort;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The i;unicode-casemap collation (RFC 5051), which SORT and THREAD use for strings (RFC 5256 §7). Two strings
 * compare as the octets of their canonical forms (i;octet), so the canonical form is what the store keeps and
 * orders by.
 */
public final class UnicodeCasemap {

    private UnicodeCasemap() {
    }

    /**
     * RFC 5051 §2: each character is replaced by its titlecase mapping when it has one, then by its full
     * compatibility decomposition (NFKD of that character alone, so combining marks keep their order).
     */
    public static String canonical(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int title = Character.toTitleCase(cp);
            if (title < 0x80) {
                out.append((char) title);
            } else {
                out.append(Normalizer.normalize(Character.toString(title), Normalizer.Form.NFKD));
            }
        });
        return out.toString();
    }

    /** The canonical form as UTF-8 octets, at most {@code max} of them (never a character cut in two). */
    public static byte[] key(String s, int max) {
        byte[] bytes = canonical(s).getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= max) {
            return bytes;
        }
        int end = max;
        while (end > 0 && (bytes[end] & 0xc0) == 0x80) {
            end--;
        }
        return java.util.Arrays.copyOf(bytes, end);
    }

    /** RFC 5051 §2 ordering: the octets of the canonical forms, unsigned. */
    public static int compare(String a, String b) {
        return java.util.Arrays.compareUnsigned(canonical(a).getBytes(StandardCharsets.UTF_8),
                canonical(b).getBytes(StandardCharsets.UTF_8));
    }
}
