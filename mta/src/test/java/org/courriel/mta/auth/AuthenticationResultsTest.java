package org.courriel.mta.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.courriel.mta.auth.arc.ArcResult;
import org.courriel.mta.auth.arc.ArcVerdict;
import org.courriel.mta.auth.dkim.DkimResult;
import org.courriel.mta.auth.dkim.DkimVerdict;
import org.courriel.mta.auth.dmarc.DmarcPolicy;
import org.courriel.mta.auth.dmarc.DmarcResult;
import org.courriel.mta.auth.dmarc.DmarcVerdict;
import org.courriel.mta.auth.spf.SpfResult;
import org.courriel.mta.auth.spf.SpfVerdict;
import org.junit.jupiter.api.Test;

/** RFC 8601: the field we add, and the removal of incoming ones that claim our authserv-id (§5). */
class AuthenticationResultsTest {

    @Test
    void oneFieldWithEveryResult() throws Exception {
        SenderChecks checks = new SenderChecks(InetAddress.getByName("192.0.2.1"), "mail.example.org",
                new SpfVerdict(SpfResult.PASS, "example.org", ""), new SpfVerdict(SpfResult.NONE, "mail.example.org", ""),
                null);
        String field = AuthenticationResults.field("mx.hamburger.edu", checks,
                List.of(new DkimVerdict(DkimResult.PASS, "example.org", "sel", "ed25519-sha256", "@example.org",
                        "abcdefgh", null)),
                List.of(new DmarcVerdict(DmarcResult.PASS, "example.org", DmarcPolicy.REJECT, DmarcPolicy.NONE, true,
                        "aligned")));
        assertThat(field).isEqualTo("""
                Authentication-Results: mx.hamburger.edu;\r
                \tdkim=pass header.d=example.org header.s=sel header.a=ed25519-sha256 header.b=abcdefgh;\r
                \tspf=pass smtp.mailfrom=example.org;\r
                \tspf=none smtp.helo=mail.example.org;\r
                \tdmarc=pass (p=reject dis=none) header.from=example.org\r
                """);
    }

    @Test
    void arcResultsWithOldestPassRemoteIpAndTheDmarcOverride() throws Exception {
        SenderChecks checks = new SenderChecks(InetAddress.getByName("2001:db8::25"), "list.example",
                new SpfVerdict(SpfResult.NONE, "list.example", ""), null, null);
        List<DmarcVerdict> overridden = List.of(new DmarcVerdict(DmarcResult.FAIL, "bank.example", DmarcPolicy.REJECT,
                DmarcPolicy.NONE, false, "no aligned SPF or DKIM pass"));
        String pass = AuthenticationResults.field("mx.hamburger.edu", checks, List.of(),
                new ArcVerdict(ArcResult.PASS, 2, 0, "list.example", null), overridden, true);
        assertThat(pass).isEqualTo("""
                Authentication-Results: mx.hamburger.edu;\r
                \tdkim=none;\r
                \tspf=none smtp.mailfrom=list.example;\r
                \tarc=pass (i=2 sealer=list.example) header.oldest-pass=0 smtp.remote-ip="2001:db8:0:0:0:0:0:25";\r
                \tdmarc=fail (p=reject dis=none policy.override=arc sealer=list.example) header.from=bank.example\r
                """);
        String fail = AuthenticationResults.field("mx.hamburger.edu", checks, List.of(),
                new ArcVerdict(ArcResult.FAIL, 1, -1, null, "ARC-Seal 1: signature (did) not verify"), List.of(),
                false);
        assertThat(fail).contains("arc=fail (ARC-Seal 1: signature did not verify) smtp.remote-ip=");
        assertThat(AuthenticationResults.field("mx.hamburger.edu", checks, List.of(), ArcVerdict.NONE, List.of(),
                false)).contains("\tarc=none;\r\n");
    }

    @Test
    void onlyFieldsClaimingOurIdAreRemoved() {
        String message = "Received: x\r\n"
                + "Authentication-Results: MX.Hamburger.EDU; dkim=pass\r\n"
                + "authentication-results: mx.hamburger.edu (forged);\r\n\tspf=pass\r\n"
                + "Authentication-Results: mx.hamburger.edu.evil.example; spf=pass\r\n"
                + "Authentication-Results: other.example; dmarc=fail\r\n"
                + "Subject: Authentication-Results: mx.hamburger.edu; in the subject\r\n"
                + "\r\nAuthentication-Results: mx.hamburger.edu; in the body\r\n";
        String cleaned = new String(AuthenticationResults.withoutOurs(message.getBytes(StandardCharsets.US_ASCII),
                "mx.hamburger.edu"), StandardCharsets.US_ASCII);
        assertThat(cleaned).isEqualTo("Received: x\r\n"
                + "Authentication-Results: mx.hamburger.edu.evil.example; spf=pass\r\n"
                + "Authentication-Results: other.example; dmarc=fail\r\n"
                + "Subject: Authentication-Results: mx.hamburger.edu; in the subject\r\n"
                + "\r\nAuthentication-Results: mx.hamburger.edu; in the body\r\n");
    }

    @Test
    void aMessageWithoutOursIsUnchanged() {
        byte[] message = "Subject: x\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII);
        assertThat(AuthenticationResults.withoutOurs(message, "mx.hamburger.edu")).isSameAs(message);
    }
}
