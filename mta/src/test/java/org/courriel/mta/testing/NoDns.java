package org.courriel.mta.testing;

import java.net.InetAddress;

import org.courriel.mta.dns.DnsAnswer;
import org.courriel.mta.dns.DnsResolver;

/** A resolver for tests that never touch DNS: every name is "no such domain" (tests route statically). */
public final class NoDns implements DnsResolver {

    private static final String REASON = "tests have no DNS";

    @Override
    public DnsAnswer<MxRecord> mx(String domain) {
        return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, REASON);
    }

    @Override
    public DnsAnswer<InetAddress> addresses(String host) {
        return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, REASON);
    }

    @Override
    public DnsAnswer<String> txt(String name) {
        return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, REASON);
    }
}
