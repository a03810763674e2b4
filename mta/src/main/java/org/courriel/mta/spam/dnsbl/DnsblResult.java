package org.courriel.mta.spam.dnsbl;

/** What the configured blocklists say of a client address. */
public sealed interface DnsblResult {

    /** No list names the address (or every list that could not be asked is ignored). */
    record NotListed() implements DnsblResult {
    }

    /**
     * A list names the address.
     *
     * @param zone the list's zone
     * @param code the A record's address the list answered, which says why by the list's own codes
     * @param text the list's TXT record for the address, usually a URL saying why and how to be removed; or empty
     */
    record Listed(String zone, String code, String text) implements DnsblResult {
    }
}
