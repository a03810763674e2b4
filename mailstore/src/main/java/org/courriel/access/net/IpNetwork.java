package org.courriel.access.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address block in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}, or one address), for settings
 * that name networks: allow lists, trusted relays. Parsing takes literal addresses only, never a host name, so it
 * asks no DNS.
 *
 * @param network the first address of the block
 * @param prefix  the number of leading bits that must match
 */
public record IpNetwork(InetAddress network, int prefix) {

    public IpNetwork {
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix /" + prefix + " does not fit " + network.getHostAddress());
        }
    }

    /** @throws IllegalArgumentException for anything but an IPv4 or IPv6 literal with an optional {@code /prefix} */
    public static IpNetwork parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (address.isEmpty() || !(address.indexOf(':') >= 0 || address.matches("[0-9.]+"))) {
            throw new IllegalArgumentException("not an IP network: " + text);
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(address); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP network: " + text);
        }
        int bits = parsed.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IP network: " + text);
        }
        return new IpNetwork(parsed, prefix);
    }

    /** Whether {@code ip} lies in this block; an address of the other family never does. */
    public boolean contains(InetAddress ip) {
        byte[] a = ip.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != n[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (a[full] & mask) == (n[full] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }
}
