package org.courriel.mta.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.courriel.mta.dns.DnsProperties;
import org.courriel.mta.dns.DnsjavaResolver;
import org.courriel.mta.testing.dns.TestDnsServer;
import org.courriel.store.testing.Tools;
import org.junit.jupiter.api.Test;

/**
 * Our check_host() and pyspf's (Debian's python3-spf, an independent implementation) give the same result for
 * RFC 7208 Appendix A and the limit cases, both asking the same loopback DNS server: pyspf through dnspython,
 * whose default resolver the script points at it.
 */
class PyspfAgreementTest {

    private static final String SCRIPT = """
            import sys, dns.resolver, spf
            r = dns.resolver.Resolver(configure=False)
            r.nameservers = ['127.0.0.1']
            r.port = int(sys.argv[1])
            dns.resolver.default_resolver = r
            for line in sys.stdin:
                ip, sender, helo = line.split()
                print(spf.check2(i=ip, s=sender, h=helo)[0], flush=True)
            """;

    private record Case(String record, String ip, String sender) {
    }

    @Test
    void agreesWithPyspf() throws Exception {
        Tools.require("/usr/bin/python3", "python3-spf");
        List<Case> cases = new ArrayList<>();
        for (String record : List.of("v=spf1 +all", "v=spf1 a -all", "v=spf1 a:example.org -all", "v=spf1 mx -all",
                "v=spf1 mx:example.org -all", "v=spf1 mx mx:example.org -all",
                "v=spf1 mx/30 mx:example.org/30 -all", "v=spf1 ptr -all", "v=spf1 ip4:192.0.2.128/28 -all",
                "v=spf1 mx include:mobile-users._spf.%{d} include:remote-users._spf.%{d} -all",
                "v=spf1 -include:ip4._spf.%{d} -include:ptr._spf.%{d} +all",
                "v=spf1 a:n1.example.com a:n2.example.com a:n3.example.com +all",
                "v=spf1 include:nowhere.example.com -all", "v=spf1 redirect=example.org", "v=spf1 frob -all",
                "v=spf1 exists:%{ir}.%{v}.%{l1r-}.x.%{d} ~all")) {
            for (String ip : List.of("192.0.2.10", "192.0.2.65", "192.0.2.129", "192.0.2.131", "192.0.2.140",
                    "10.0.0.10", "192.168.15.15")) {
                for (String sender : List.of("mary@example.com", "joel@example.com")) {
                    cases.add(new Case(record, ip, sender));
                }
            }
        }
        try (TestDnsServer dns = TestDnsServer.start()) {
            Process python = new ProcessBuilder("/usr/bin/python3", "-c", SCRIPT,
                    dns.address().substring(dns.address().indexOf(':') + 1)).redirectErrorStream(true).start();
            try (Writer in = new OutputStreamWriter(python.getOutputStream(), StandardCharsets.US_ASCII);
                    BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(),
                            StandardCharsets.US_ASCII))) {
                List<String> disagreements = new ArrayList<>();
                for (Case c : cases) {
                    Rfc7208Zones.serve(dns, c.record());
                    SpfEvaluator ours = new SpfEvaluator(new DnsjavaResolver(
                            DnsProperties.of(List.of(dns.address()), Duration.ofSeconds(2)), null), Duration.ofSeconds(20));
                    String our = ours.checkMailFrom(InetAddress.getByName(c.ip()), c.sender(), "helo.example.net")
                            .result().keyword();
                    in.write(c.ip() + " " + c.sender() + " helo.example.net\n");
                    in.flush();
                    String theirs = out.readLine();
                    assertThat(theirs).as("pyspf's answer (is python3-spf installed?)").isNotNull();
                    if (!our.equals(theirs.strip().toLowerCase(Locale.ROOT))) {
                        disagreements.add(c + ": ours " + our + ", pyspf " + theirs);
                    }
                }
                assertThat(disagreements).isEmpty();
            } finally {
                python.destroy();
            }
        }
        assertThat(cases).hasSizeGreaterThan(200);
    }
}
