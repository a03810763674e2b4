package org.courriel.mta.auth.arc;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.courriel.mta.auth.dkim.DkimException;
import org.courriel.mta.auth.dkim.DkimSignatureHeader;

/**
 * An ARC-Seal field's tags (RFC 8617 §4.1.3): a DKIM-style tag list without {@code h=} and {@code bh=} (the seal
 * covers the ARC sets, §5.1.1, not chosen fields nor the body). Pure.
 *
 * @param instance  {@code i=}
 * @param cv        {@code cv=}: the chain status the sealer found (§4.4)
 * @param algorithm {@code a=}
 * @param domain    {@code d=}, lower case: the sealer
 * @param selector  {@code s=}
 * @param signature {@code b=} decoded
 */
public record ArcSeal(int instance, ArcResult cv, String algorithm, String domain, String selector,
        byte[] signature) {

    public static ArcSeal parse(String value) throws DkimException {
        Map<String, String> tags = DkimSignatureHeader.tagList(value);
        for (String required : List.of("i", "cv", "a", "b", "d", "s")) {
            if (!tags.containsKey(required)) {
                throw new DkimException("the ARC-Seal lacks " + required + "=");
            }
        }
        if (tags.containsKey("h")) {
            throw new DkimException("an ARC-Seal has no h="); // RFC 8617 §4.1.3
        }
        ArcResult cv = ArcResult.ofKeyword(tags.get("cv"));
        if (cv == null) {
            throw new DkimException("unknown cv=" + tags.get("cv"));
        }
        return new ArcSeal(ArcChain.instance(tags.get("i")), cv, tags.get("a").toLowerCase(Locale.ROOT),
                tags.get("d").toLowerCase(Locale.ROOT), tags.get("s"), DkimSignatureHeader.base64(tags.get("b")));
    }
}
