package org.courriel.api.send;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Content-Type and Content-Disposition fields of an attachment, 7-bit clean whatever its file name.
 * A printable ASCII name goes as a quoted string; any other name goes twice: RFC 2231 §4's
 * {@code filename*=UTF-8''...}, which standard readers prefer, and RFC 2047 encoded words inside the quoted
 * {@code filename} and {@code name} for the many readers that only know those. Names are cut to
 * {@link #MAX_NAME} characters (keeping the extension) so that no line nears RFC 5322's 998. The fields are
 * given unfolded: Mime4j folds them at their spaces (RFC 5322 §2.2.3).
 */
final class AttachmentHeaders {

    /** Longest file name written, in characters. */
    static final int MAX_NAME = 80;
    /** UTF-8 bytes per encoded word: 45 bytes give a 72-character word, within RFC 2047 §2's 75. */
    private static final int WORD_BYTES = 45;

    private AttachmentHeaders() {
    }

    static String contentType(String mediaType, String fileName) {
        return mediaType + "; name=\"" + quotedForm(shorten(fileName)) + "\"";
    }

    static String contentDisposition(String fileName) {
        String name = shorten(fileName);
        String body = "attachment; filename=\"" + quotedForm(name) + "\"";
        return isPlain(name) ? body : body + "; filename*=UTF-8''" + percentEncoded(name);
    }

    /** The name cut to {@link #MAX_NAME} code points, its extension kept; line ends and quotes replaced. */
    static String shorten(String fileName) {
        String clean = fileName.replaceAll("[\\p{Cntrl}\"\\\\]", "_").strip();
        if (clean.isEmpty()) {
            clean = "attachment";
        }
        if (clean.codePointCount(0, clean.length()) <= MAX_NAME) {
            return clean;
        }
        int dot = clean.lastIndexOf('.');
        String extension = dot > 0 && clean.length() - dot <= 10 ? clean.substring(dot) : "";
        int keep = MAX_NAME - extension.length();
        return clean.substring(0, clean.offsetByCodePoints(0, keep)) + extension;
    }

    private static boolean isPlain(String name) {
        return name.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static String quotedForm(String name) {
        return isPlain(name) ? name : String.join(" ", encodedWords(name));
    }

    /** RFC 2047 §4.1 B-encoded words of at most {@link #WORD_BYTES} bytes each, split between characters. */
    static List<String> encodedWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int chunkBytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int bytes = ch.getBytes(StandardCharsets.UTF_8).length;
            if (chunkBytes + bytes > WORD_BYTES) {
                words.add(word(chunk.toString()));
                chunk.setLength(0);
                chunkBytes = 0;
            }
            chunk.append(ch);
            chunkBytes += bytes;
            i += Character.charCount(cp);
        }
        if (!chunk.isEmpty()) {
            words.add(word(chunk.toString()));
        }
        return words;
    }

    private static String word(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** RFC 2231 §4 / RFC 5987 value-chars: attr-char as is, every other octet as %XX. */
    static String percentEncoded(String name) {
        StringBuilder sb = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
