package org.courriel.mta.auth;

import java.net.Inet4Address;
import java.net.InetAddress;

import org.courriel.mta.dns.DnsAnswer;
import org.courriel.mta.dns.DnsResolver;

/** Forward-confirmed reverse DNS (FCrDNS): a PTR name of the address whose A or AAAA records include it. */
final class ReverseDns {

    /** Names of one PTR answer looked at, as RFC 7208 §5.5 bounds them. */
    static final int MAX_NAMES = 10;

    private ReverseDns() {
    }

    /** The first confirmed name, or null (none, or DNS failing). */
    static String confirmedName(DnsResolver dns, InetAddress address) {
        DnsAnswer<String> names = dns.ptr(address);
        int looked = 0;
        for (String name : names.records()) {
            if (looked++ >= MAX_NAMES) {
                break;
            }
            DnsAnswer<InetAddress> forward = address instanceof Inet4Address ? dns.a(name) : dns.aaaa(name);
            if (forward.records().contains(address)) {
                return name;
            }
        }
        return null;
    }
}
