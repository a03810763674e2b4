package org.courriel.store.account;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

import org.courriel.store.StoreException;

/**
 * Syntax and normal form of the addresses and domains the store keeps. Stored addresses are lower case with
 * the domain in ASCII (IDNA); local parts are dot-atoms (RFC 5322 §3.2.3), optionally UTF-8 (RFC 6531).
 */
public final class Addresses {

    /** RFC 5321 §4.5.3.1.1 and §4.5.3.1.2. */
    public static final int MAX_LOCAL_PART = 64;
    public static final int MAX_DOMAIN = 255;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ATOM = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+");

    private Addresses() {
    }

    /** A domain in normal form, or INVALID. */
    public static String domain(String domain) {
        if (domain == null || domain.isBlank()) {
            throw StoreException.invalid("empty domain");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("not a domain: " + domain);
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (ascii.isEmpty() || ascii.length() > MAX_DOMAIN || !ascii.contains(".")) {
            throw StoreException.invalid("not a fully qualified domain: " + domain);
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw StoreException.invalid("not a domain: " + domain);
            }
        }
        return ascii;
    }

    /** An address {@code local@domain} in normal form, or INVALID. */
    public static String address(String address) {
        if (address == null) {
            throw StoreException.invalid("empty address");
        }
        String a = address.strip();
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1) {
            throw StoreException.invalid("not an address: " + address);
        }
        return localPart(a.substring(0, at)) + "@" + domain(a.substring(at + 1));
    }

    /** The domain of a normal-form address. */
    public static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    public static String localPartOf(String address) {
        return address.substring(0, address.lastIndexOf('@'));
    }

    private static String localPart(String local) {
        if (local.isEmpty() || local.length() > MAX_LOCAL_PART) {
            throw StoreException.invalid("local part must have 1 to " + MAX_LOCAL_PART + " characters: " + local);
        }
        for (String atom : local.split("\\.", -1)) {
            if (!ATOM.matcher(atom).matches()) {
                throw StoreException.invalid("not a dot-atom local part: " + local);
            }
        }
        return local.toLowerCase(Locale.ROOT);
    }
}
