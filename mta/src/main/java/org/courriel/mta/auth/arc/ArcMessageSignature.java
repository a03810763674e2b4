package org.courriel.mta.auth.arc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.courriel.mta.auth.dkim.DkimException;
import org.courriel.mta.auth.dkim.DkimSignatureHeader;

/**
 * An ARC-Message-Signature (RFC 8617 §4.1.2): a DKIM-Signature without {@code v=}, whose {@code i=} is the
 * instance and not an identity, and which never covers ARC-Seal fields. Read into the DKIM verifier's own
 * record so that it is verified exactly as DKIM verifies (RFC 8617 §5.2 step 4). Pure.
 */
public final class ArcMessageSignature {

    private ArcMessageSignature() {
    }

    /** The instance ({@code i=}) of the field's value. */
    public static int instance(String value) throws DkimException {
        String i = DkimSignatureHeader.tagList(value).get("i");
        if (i == null) {
            throw new DkimException("the ARC-Message-Signature lacks i=");
        }
        return ArcChain.instance(i);
    }

    /** The signature as the DKIM verifier takes it: the identity is {@code @d}, c= defaults as in DKIM. */
    public static DkimSignatureHeader parse(String value) throws DkimException {
        Map<String, String> tags = DkimSignatureHeader.tagList(value);
        for (String required : List.of("i", "a", "b", "bh", "d", "h", "s")) {
            if (!tags.containsKey(required)) {
                throw new DkimException("the ARC-Message-Signature lacks " + required + "=");
            }
        }
        String canon = tags.getOrDefault("c", "simple/simple").toLowerCase(Locale.ROOT);
        String[] halves = canon.split("/", -1);
        String headerCanon = halves[0].strip();
        String bodyCanon = halves.length > 1 ? halves[1].strip() : "simple";
        for (String c : List.of(headerCanon, bodyCanon)) {
            if (!c.equals("simple") && !c.equals("relaxed")) {
                throw new DkimException("unknown canonicalization " + canon);
            }
        }
        List<String> headers = new ArrayList<>();
        for (String h : tags.get("h").split(":")) {
            headers.add(h.strip().toLowerCase(Locale.ROOT));
        }
        if (headers.contains("arc-seal")) {
            throw new DkimException("an ARC-Message-Signature must not sign ARC-Seal"); // RFC 8617 §4.1.2
        }
        if (!headers.contains("from")) {
            throw new DkimException("From is not signed"); // RFC 6376 §6.1.1, as for DKIM
        }
        String domain = tags.get("d").toLowerCase(Locale.ROOT);
        return new DkimSignatureHeader(tags.get("a").toLowerCase(Locale.ROOT),
                DkimSignatureHeader.base64(tags.get("b")),
                DkimSignatureHeader.base64(tags.get("bh")), headerCanon, bodyCanon, domain, List.copyOf(headers),
                "@" + domain, number(tags, "l"), tags.get("s"), number(tags, "t"), number(tags, "x"), tags.get("b"));
    }

    private static long number(Map<String, String> tags, String name) throws DkimException {
        String v = tags.get(name);
        if (v == null) {
            return -1;
        }
        if (!v.matches("[0-9]{1,18}")) {
            throw new DkimException("bad " + name + "=" + v);
        }
        return Long.parseLong(v);
    }
}
