package org.courriel.mta.dns;

import java.net.InetAddress;

/**
 * The DNS questions Courriel asks (routing, SPF, DKIM, DMARC, reverse DNS), behind one interface so that tests
 * answer them from a table or a loopback server. {@link DnsjavaResolver} is the real one; every answer is
 * one of {@link DnsAnswer.Status}, a failing DNS a {@code TEMPORARY_FAILURE}, never an exception.
 */
public interface DnsResolver {

    /** An MX record (RFC 5321 §5.1); a null MX (RFC 7505) has the exchange {@code "."}. */
    record MxRecord(int preference, String exchange) {
        public boolean isNull() {
            return ".".equals(exchange) || exchange.isEmpty();
        }
    }

    /** An SRV record (RFC 2782), the target without the final dot. */
    record SrvRecord(int priority, int weight, int port, String target) {
    }

    /** The MX records of a domain. */
    DnsAnswer<MxRecord> mx(String domain);

    /** The A and AAAA records of a host. */
    DnsAnswer<InetAddress> addresses(String host);

    /** The TXT records of a name, each one string: its character-strings concatenated (RFC 7208 §3.3). */
    DnsAnswer<String> txt(String name);

    /** The A records of a host alone (SPF's {@code a} and {@code mx} for an IPv4 client, RFC 7208 §5.3). */
    default DnsAnswer<InetAddress> a(String host) {
        return addressesOfFamily(host, java.net.Inet4Address.class);
    }

    /** The AAAA records of a host alone. */
    default DnsAnswer<InetAddress> aaaa(String host) {
        return addressesOfFamily(host, java.net.Inet6Address.class);
    }

    /** The PTR names of an address (RFC 1035 §3.5 in-addr.arpa, RFC 3596 §2.5 ip6.arpa), without the final dot. */
    default DnsAnswer<String> ptr(InetAddress address) {
        return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "this resolver answers no PTR question");
    }

    /** The SRV records of a name ({@code courriel dns check}: RFC 6186 client records). */
    default DnsAnswer<SrvRecord> srv(String name) {
        return DnsAnswer.of(DnsAnswer.Status.TEMPORARY_FAILURE, "this resolver answers no SRV question");
    }

    /** The CNAME target of a name, without the final dot ({@code courriel dns check}). */
    default DnsAnswer<String> cname(String name) {
        return DnsAnswer.of(DnsAnswer.Status.TEMPORARY_FAILURE, "this resolver answers no CNAME question");
    }

    private DnsAnswer<InetAddress> addressesOfFamily(String host, Class<? extends InetAddress> family) {
        DnsAnswer<InetAddress> all = addresses(host);
        if (all.status() != DnsAnswer.Status.FOUND) {
            return all;
        }
        return DnsAnswer.found(all.records().stream().filter(family::isInstance).toList());
    }
}
