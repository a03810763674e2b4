package org.courriel.mta.auth.dmarc;

import java.util.Locale;

import com.google.common.net.InternetDomainName;

/**
 * RFC 7489 §3.2: the organizational domain of a name, from the Public Suffix List that Guava carries: the
 * public suffix and one label more ({@code mail.example.co.uk} → {@code example.co.uk}).
 */
public final class OrganizationalDomain {

    private OrganizationalDomain() {
    }

    public static String of(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        try {
            InternetDomainName name = InternetDomainName.from(d);
            if (name.isUnderPublicSuffix()) {
                return name.topPrivateDomain().toString();
            }
            return d; // a public suffix itself, or a name under no known suffix
        } catch (IllegalArgumentException | IllegalStateException e) {
            return d;
        }
    }

    /** RFC 7489 §3.1: relaxed alignment is the same organizational domain, strict the same name. */
    public static boolean aligned(String a, String b, boolean strict) {
        if (a == null || b == null) {
            return false;
        }
        return strict ? a.equalsIgnoreCase(b) : of(a).equals(of(b));
    }
}
