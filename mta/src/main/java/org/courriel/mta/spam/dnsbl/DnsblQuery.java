package org.courriel.mta.spam.dnsbl;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The name a DNS blocklist is asked about an address (RFC 5782 §2.1 for IPv4: the octets reversed, §2.4 for IPv6:
 * the 32 nibbles reversed), then the zone. Pure.
 */
final class DnsblQuery {

    private DnsblQuery() {
    }

    static String name(InetAddress address, String zone) {
        byte[] bytes = address.getAddress();
        StringBuilder name = new StringBuilder();
        if (address instanceof Inet4Address) {
            for (int i = bytes.length - 1; i >= 0; i--) {
                name.append(bytes[i] & 0xff).append('.');
            }
        } else {
            for (int i = bytes.length - 1; i >= 0; i--) {
                name.append(Character.forDigit(bytes[i] & 0x0f, 16)).append('.')
                        .append(Character.forDigit((bytes[i] >> 4) & 0x0f, 16)).append('.');
            }
        }
        return name.append(zone).toString();
    }
}
