package org.courriel.mta.relay;

import java.net.InetAddress;

/**
 * The DNS questions routing asks, behind an interface so that tests answer them without touching DNS.
 * {@link DnsjavaResolver} is the real one.
 */
public interface DnsResolver {

    /** An MX record (RFC 5321 §5.1); a null MX (RFC 7505) has the exchange {@code "."}. */
    record MxRecord(int preference, String exchange) {
        public boolean isNull() {
            return ".".equals(exchange) || exchange.isEmpty();
        }
    }

    /** The MX records of a domain. */
    DnsAnswer<MxRecord> mx(String domain);

    /** The A and AAAA records of a host. */
    DnsAnswer<InetAddress> addresses(String host);

    /** The TXT records of a name, each with its character-strings joined (RFC 7208 §3.3, RFC 6376 §3.6.2.2). */
    DnsAnswer<String> txt(String name);
}
