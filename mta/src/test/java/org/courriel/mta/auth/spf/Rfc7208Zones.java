package org.courriel.mta.auth.spf;

import org.courriel.mta.testing.dns.TestDnsServer;

/** The DNS data of RFC 7208 Appendix A, with the example.com record of each case set by the test. */
final class Rfc7208Zones {

    private Rfc7208Zones() {
    }

    /** Appendix A's zone, with {@code spf} as the record of example.com (null: none). */
    static void serve(TestDnsServer dns, String spf) {
        dns.zone("example.com", """
                @                  MX    10 mail-a
                @                  MX    20 mail-b
                @                  A     192.0.2.10
                @                  A     192.0.2.11
                amy                A     192.0.2.65
                bob                A     192.0.2.66
                mail-a             A     192.0.2.129
                mail-b             A     192.0.2.130
                www                CNAME example.com.
                """ + (spf == null ? "" : "@ TXT \"" + spf + "\"\n") + """
                ; A.3: DNSBL style
                @                  TXT   "v=spf1-not-this-one"
                mobile-users._spf  TXT   "v=spf1 exists:%{l1r+}.%{d}"
                remote-users._spf  TXT   "v=spf1 exists:%{ir}.%{l1r+}.%{d}"
                mary.mobile-users._spf                 A 127.0.0.2
                fred.mobile-users._spf                 A 127.0.0.2
                15.15.168.192.joel.remote-users._spf   A 127.0.0.2
                16.15.168.192.joel.remote-users._spf   A 127.0.0.2
                ; A.4: multiple requirements (the RFC writes "-ptr", which checks ptr._spf.example.com itself;
                ; "-ptr:example.com" is what its prose means)
                ip4._spf           TXT   "v=spf1 -ip4:192.0.2.0/24 +all"
                ptr._spf           TXT   "v=spf1 -ptr:example.com +all"
                """);
        dns.zone("example.org", """
                @                  MX    10 mail
                mail               A     192.0.2.140
                ; A.2: one mail system for several domains
                la                 TXT   "v=spf1 redirect=example.com"
                """);
        dns.zone("2.0.192.in-addr.arpa", """
                10   PTR example.com.
                11   PTR example.com.
                65   PTR amy.example.com.
                66   PTR bob.example.com.
                129  PTR mail-a.example.com.
                130  PTR mail-b.example.com.
                140  PTR mail.example.org.
                """);
        dns.zone("10.in-addr.arpa", "10.0.0 PTR bob.example.com.\n");
    }
}
