package org.courriel.mta.auth;

import org.courriel.mta.auth.message.InboundMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.courriel.mta.auth.arc.ArcResult;
import org.courriel.mta.auth.arc.ArcVerdict;
import org.courriel.mta.auth.dkim.DkimVerdict;
import org.courriel.mta.auth.dmarc.DmarcResult;
import org.courriel.mta.auth.dmarc.DmarcVerdict;
import org.courriel.mta.auth.spf.SpfVerdict;

/**
 * The Authentication-Results field (RFC 8601 §2.2) this server adds, and the removal of incoming ones that claim
 * its authserv-id (§5), which a forger would add to look checked. Pure.
 */
public final class AuthenticationResults {

    private AuthenticationResults() {
    }

    /** One field: {@code Authentication-Results: id; dkim=...; spf=...; dmarc=...}, folded one result a line. */
    public static String field(String authservId, SenderChecks checks, List<DkimVerdict> dkim,
            List<DmarcVerdict> dmarc) {
        return field(authservId, checks, dkim, null, dmarc, false);
    }

    /**
     * With the ARC result ({@code arc=}, RFC 8617 §7.2; none when {@code arc} is null) and whether a trusted
     * sealer's passing chain overrode a DMARC failure (RFC 7489 §6.7), which the failing dmarc results say.
     */
    public static String field(String authservId, SenderChecks checks, List<DkimVerdict> dkim, ArcVerdict arc,
            List<DmarcVerdict> dmarc, boolean arcOverride) {
        List<String> results = new ArrayList<>();
        if (dkim.isEmpty()) {
            results.add("dkim=none");
        }
        for (DkimVerdict d : dkim) {
            StringBuilder r = new StringBuilder("dkim=").append(d.result().keyword());
            comment(r, d.reason());
            if (d.domain() != null) {
                r.append(" header.d=").append(value(d.domain())).append(" header.s=").append(value(d.selector()))
                        .append(" header.a=").append(value(d.algorithm()));
                if (d.signature() != null && !d.signature().isEmpty()) {
                    r.append(" header.b=").append(value(d.signature())); // RFC 6008
                }
            }
            results.add(r.toString());
        }
        if (checks != null) {
            results.add(spf(checks.mailFrom(), "smtp.mailfrom", checks.mailFrom().identity()));
            if (checks.heloSpf() != null && checks.helo() != null) {
                results.add(spf(checks.heloSpf(), "smtp.helo", checks.helo()));
            }
        }
        if (arc != null) {
            results.add(arc(arc, checks));
        }
        for (DmarcVerdict v : dmarc) {
            StringBuilder r = new StringBuilder("dmarc=").append(v.result().keyword());
            if (v.requested() != null) {
                // RFC 7489 §11.2 and mox, Stalwart: the policy asked for and what was done, as a comment.
                r.append(" (p=").append(v.requested().keyword()).append(" dis=").append(v.disposition().keyword());
                if (arcOverride && v.result() != DmarcResult.PASS) {
                    // RFC 7489 §6.7 local policy: the trusted sealer's chain vouches for the original verdict.
                    r.append(" policy.override=arc sealer=").append(clean(arc.sealer()).replaceAll("[()\\\\]", ""));
                }
                r.append(')');
            }
            r.append(" header.from=").append(value(v.fromDomain()));
            results.add(r.toString());
        }
        if (dmarc.isEmpty() && checks != null) {
            results.add("dmarc=none");
        }
        return "Authentication-Results: " + clean(authservId) + ";\r\n\t" + String.join(";\r\n\t", results) + "\r\n";
    }

    /** RFC 8617 §7.2: {@code arc=pass (...) header.oldest-pass=N smtp.remote-ip=ADDRESS}. */
    private static String arc(ArcVerdict arc, SenderChecks checks) {
        StringBuilder r = new StringBuilder("arc=").append(arc.result().keyword());
        if (arc.result() == ArcResult.PASS) {
            comment(r, "i=" + arc.instances() + " sealer=" + arc.sealer());
            r.append(" header.oldest-pass=").append(arc.oldestPass());
        } else {
            comment(r, arc.reason());
        }
        if (arc.result() != ArcResult.NONE && checks != null && checks.client() != null) {
            r.append(" smtp.remote-ip=").append(value(checks.client().getHostAddress()));
        }
        return r.toString();
    }

    private static String spf(SpfVerdict verdict, String property, String identity) {
        StringBuilder r = new StringBuilder("spf=").append(verdict.result().keyword());
        r.append(' ').append(property).append('=').append(value(identity == null ? "" : identity));
        return r.toString();
    }

    /** RFC 8601 §2.2 comments: text without parentheses or backslashes, controls removed. */
    private static void comment(StringBuilder r, String text) {
        if (text != null && !text.isBlank()) {
            r.append(" (").append(clean(text).replaceAll("[()\\\\]", "")).append(')');
        }
    }

    /** A value: a token when it is one, a quoted-string otherwise (RFC 2045 §5.1). */
    private static String value(String v) {
        String c = clean(v);
        return c.matches("[A-Za-z0-9!#$%&'*+\\-.^_`{|}~@]+") ? c : "\"" + c.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(c < 0x20 || c == 0x7f ? ' ' : c));
        return b.toString();
    }

    /**
     * RFC 8601 §5: the message without the Authentication-Results fields of its header whose authserv-id is
     * ours (compared case-insensitively); the same bytes when there are none.
     */
    public static byte[] withoutOurs(byte[] message, String authservId) {
        InboundMessage parsed = InboundMessage.parse(message);
        String ours = authservId.toLowerCase(Locale.ROOT);
        boolean any = parsed.fields("Authentication-Results").stream().anyMatch(f -> claims(f, ours));
        if (!any) {
            return message;
        }
        StringBuilder head = new StringBuilder();
        for (InboundMessage.Field f : parsed.fields()) {
            if (!(f.is("Authentication-Results") && claims(f, ours))) {
                head.append(f.raw()).append("\r\n");
            }
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = parsed.body();
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** The authserv-id is the first token of the value, before any ";" or version (RFC 8601 §2.2). */
    private static boolean claims(InboundMessage.Field field, String ours) {
        String value = field.value().replaceAll("\\([^)]*\\)", " ").strip();
        int end = 0;
        while (end < value.length() && !Character.isWhitespace(value.charAt(end)) && value.charAt(end) != ';') {
            end++;
        }
        String id = value.substring(0, end);
        if (id.startsWith("\"") && id.endsWith("\"") && id.length() > 1) {
            id = id.substring(1, id.length() - 1);
        }
        return id.toLowerCase(Locale.ROOT).equals(ours);
    }
}
