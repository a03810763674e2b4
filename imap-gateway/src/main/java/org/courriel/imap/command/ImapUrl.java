package org.courriel.imap.command;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The IMAP URLs CATENATE takes (RFC 4469 §3): relative URLs of RFC 5092 naming a message or a part of one in this
 * account, either from the account's root ({@code /INBOX;UIDVALIDITY=385759045/;UID=20/;SECTION=1.2}, §5 with the
 * base {@code imap://user@server/}) or, with no mailbox, in the selected one ({@code ;UID=20/;SECTION=1}).
 * Optional UIDVALIDITY, SECTION and PARTIAL (§4: {@code ;PARTIAL=origin[.length]}). Absolute URLs and URLAUTH
 * (RFC 4467) are not taken. Pure: text in, record out; anything else is {@link BadUrl}.
 *
 * @param mailbox     the mailbox name, percent-decoded UTF-8 (RFC 5092 §6, not modified UTF-7), or null for the
 *                    selected mailbox
 * @param uidValidity the UIDVALIDITY the URL was made for, or 0 when it names none
 * @param section     the section text (RFC 5092 enc-section, decoded), or null for the whole message
 * @param origin      the partial's origin, or -1 without one
 * @param length      the partial's length, or -1 for the rest
 */
public record ImapUrl(String mailbox, long uidValidity, long uid, String section, long origin, long length) {

    /** A URL that is not one of those forms (RFC 4469 §4.1: answered {@code NO [BADURL url]}). */
    public static final class BadUrl extends RuntimeException {
        BadUrl(String why) {
            super(why, null, false, false);
        }
    }

    public static ImapUrl parse(String url) {
        String rest = url;
        String mailbox = null;
        long uidValidity = 0;
        if (rest.regionMatches(true, 0, "imap:", 0, 5) || rest.startsWith("//")) {
            // RFC 4469 §3: an absolute URL or another server is out of scope, answered NO
            throw new BadUrl("only relative URLs of this account");
        }
        if (rest.startsWith("/")) {
            int end = rest.indexOf("/;", 1);
            if (end < 0) {
                throw new BadUrl("no UID");
            }
            String path = rest.substring(1, end);
            rest = rest.substring(end + 1);
            int semi = path.indexOf(';');
            if (semi >= 0) {
                uidValidity = number(value(path.substring(semi), "UIDVALIDITY"));
                path = path.substring(0, semi);
            }
            mailbox = decode(path);
            if (mailbox.isEmpty()) {
                throw new BadUrl("empty mailbox");
            }
        }
        String[] segments = rest.split("/", -1);
        long uid = number(value(segments[0], "UID"));
        String section = null;
        long origin = -1;
        long length = -1;
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            if (section == null && origin < 0 && startsWith(s, ";SECTION=")) {
                section = decode(value(s, "SECTION"));
            } else if (origin < 0 && startsWith(s, ";PARTIAL=")) {
                String partial = value(s, "PARTIAL");
                int dot = partial.indexOf('.');
                origin = number0(dot < 0 ? partial : partial.substring(0, dot));
                length = dot < 0 ? -1 : number(partial.substring(dot + 1));
            } else {
                throw new BadUrl("unexpected " + s);
            }
        }
        return new ImapUrl(mailbox, uidValidity, uid, section, origin, length);
    }

    private static boolean startsWith(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** The value of {@code ;NAME=value}, the name without regard to case. */
    private static String value(String segment, String name) {
        String prefix = ";" + name + "=";
        if (!startsWith(segment, prefix)) {
            throw new BadUrl("expected " + name.toLowerCase(Locale.ROOT));
        }
        return segment.substring(prefix.length());
    }

    /** nz-number (RFC 5092 §11). */
    private static long number(String text) {
        long n = number0(text);
        if (n == 0) {
            throw new BadUrl("zero");
        }
        return n;
    }

    private static long number0(String text) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || (text.length() > 1 && text.charAt(0) == '0')) {
            throw new BadUrl("not a number: " + text);
        }
        long n = Long.parseLong(text);
        if (n > 0xFFFFFFFFL) {
            throw new BadUrl("past 2^32");
        }
        return n;
    }

    /** RFC 5092 §6 and RFC 3986 §2.1: %XX escapes of UTF-8 octets. */
    static String decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new BadUrl("truncated escape");
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new BadUrl("bad escape");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c < 0x21 || c > 0x7e) {
                throw new BadUrl("unescaped character");
            } else {
                out.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadUrl("not UTF-8");
        }
    }
}
