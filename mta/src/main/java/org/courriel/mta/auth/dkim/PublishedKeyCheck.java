package org.courriel.mta.auth.dkim;

import java.util.Locale;

import org.courriel.mta.dns.DnsAnswer;
import org.courriel.mta.dns.DnsResolver;
import org.courriel.store.dkim.DkimAlgorithm;
import org.courriel.store.dkim.DkimKey;

/**
 * Whether a key's record is published as {@link DkimKey#recordText()} says: a TXT record at
 * {@code selector._domainkey.domain} whose p= is the key's and whose k= (default rsa, RFC 6376 §3.6.1) its
 * algorithm's. A selector must not sign before receivers can find its key, or every message fails DKIM.
 */
public final class PublishedKeyCheck {

    /** What DNS says about the key's record. */
    public enum Outcome {
        PUBLISHED, MISSING, DIFFERENT, DNS_FAILURE
    }

    public record Result(Outcome outcome, String detail) {
    }

    private PublishedKeyCheck() {
    }

    public static Result check(DkimKey key, DnsResolver dns) {
        DnsAnswer<String> answer = dns.txt(key.recordName());
        return switch (answer.status()) {
            case TEMPORARY_FAILURE -> new Result(Outcome.DNS_FAILURE, "DNS failed for " + key.recordName() + ": "
                    + answer.error());
            case NO_DOMAIN, NO_DATA -> new Result(Outcome.MISSING, "no TXT record at " + key.recordName());
            case FOUND -> answer.records().stream().anyMatch(text -> matches(text, key))
                    ? new Result(Outcome.PUBLISHED, key.recordName() + " is published")
                    : new Result(Outcome.DIFFERENT, "the TXT record at " + key.recordName()
                            + " does not carry this key: " + String.join(" | ", answer.records()));
        };
    }

    /** RFC 6376 §3.6.1 tag=value list: compares p= without white space (FWS may fold it) and k=. */
    static boolean matches(String text, DkimKey key) {
        String p = null;
        String k = "rsa";
        for (String tag : text.split(";")) {
            int eq = tag.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = tag.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = tag.substring(eq + 1).replaceAll("\\s+", "");
            if (name.equals("p")) {
                p = value;
            } else if (name.equals("k")) {
                k = value.toLowerCase(Locale.ROOT);
            }
        }
        DkimAlgorithm algorithm = key.algorithm();
        return key.publicKey().equals(p) && algorithm.keyType().equals(k);
    }
}
