package org.courriel.mta.auth.dkim;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A DKIM-Signature field's tags (RFC 6376 §3.5), parsed from its tag-list (§3.2). Pure; a malformed
 * signature is a {@link DkimException} (permerror).
 *
 * @param algorithm        {@code a=}: {@code rsa-sha256} or {@code ed25519-sha256} (RFC 8463)
 * @param headerCanon      the header half of {@code c=}: simple (default) or relaxed
 * @param bodyCanon        the body half of {@code c=}
 * @param signedHeaders    {@code h=}, lower case, in order
 * @param bodyLength       {@code l=}, or -1
 * @param identity         {@code i=} (default {@code @d})
 * @param expires          {@code x=} in seconds since the epoch, or -1
 */
public record DkimSignatureHeader(String algorithm, byte[] signature, byte[] bodyHash, String headerCanon,
        String bodyCanon, String domain, List<String> signedHeaders, String identity, long bodyLength,
        String selector, long timestamp, long expires, String rawSignatureValue) {

    public static DkimSignatureHeader parse(String value) throws DkimException {
        Map<String, String> tags = tagList(value);
        for (String required : List.of("v", "a", "b", "bh", "d", "h", "s")) {
            if (!tags.containsKey(required)) {
                throw new DkimException("the signature lacks " + required + "=");
            }
        }
        if (!tags.get("v").equals("1")) {
            throw new DkimException("version " + tags.get("v") + " is not 1");
        }
        String canon = tags.getOrDefault("c", "simple/simple").toLowerCase(Locale.ROOT);
        String[] halves = canon.split("/", -1);
        String headerCanon = halves[0];
        String bodyCanon = halves.length > 1 ? halves[1] : "simple";
        for (String c : List.of(headerCanon, bodyCanon)) {
            if (!c.equals("simple") && !c.equals("relaxed")) {
                throw new DkimException("unknown canonicalization " + canon);
            }
        }
        String domain = tags.get("d").toLowerCase(Locale.ROOT);
        List<String> headers = new ArrayList<>();
        for (String h : tags.get("h").split(":")) {
            headers.add(h.strip().toLowerCase(Locale.ROOT));
        }
        // RFC 6376 §6.1.1: From must be signed.
        if (!headers.contains("from")) {
            throw new DkimException("From is not signed");
        }
        String identity = tags.getOrDefault("i", "@" + domain);
        String identityDomain = identity.substring(identity.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (!identityDomain.equals(domain) && !identityDomain.endsWith("." + domain)) {
            throw new DkimException("i= is not within d=");
        }
        return new DkimSignatureHeader(tags.get("a").toLowerCase(Locale.ROOT), base64(tags.get("b")),
                base64(tags.get("bh")), headerCanon, bodyCanon, domain, List.copyOf(headers), identity,
                number(tags, "l"), tags.get("s"), number(tags, "t"), number(tags, "x"), tags.get("b"));
    }

    /** RFC 6376 §3.2: {@code name=value; ...}, whitespace around names and values ignored, no name twice. */
    public static Map<String, String> tagList(String text) throws DkimException {
        Map<String, String> tags = new LinkedHashMap<>();
        String unfolded = text.replace("\r\n", "");
        for (String spec : unfolded.split(";", -1)) {
            if (spec.isBlank()) {
                continue; // a trailing ";" is allowed
            }
            int eq = spec.indexOf('=');
            if (eq < 0) {
                throw new DkimException("tag without =: " + spec.strip());
            }
            String name = spec.substring(0, eq).strip();
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new DkimException("bad tag name " + name);
            }
            if (tags.put(name, spec.substring(eq + 1).strip()) != null) {
                throw new DkimException("tag " + name + " appears twice");
            }
        }
        return tags;
    }

    /** Base64 with folding whitespace anywhere (RFC 6376 §2.4 base64string). */
    public static byte[] base64(String value) throws DkimException {
        try {
            return Base64.getDecoder().decode(value.replaceAll("[ \t\r\n]", ""));
        } catch (IllegalArgumentException e) {
            throw new DkimException("bad base64");
        }
    }

    private static long number(Map<String, String> tags, String name) throws DkimException {
        String v = tags.get(name);
        if (v == null) {
            return -1;
        }
        if (!v.matches("[0-9]{1,76}")) {
            throw new DkimException("bad " + name + "=" + v);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
