package org.courriel.mta.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The REQUIRETLS decisions of RFC 8689 §4.2 as a table: how a target is opened, what a session must offer. */
class RequireTlsTest {

    private static RelayTarget target(TlsMode tls, String user) {
        return new RelayTarget("mx.example.org", new InetSocketAddress(InetAddress.getLoopbackAddress(), 25), tls, user,
                user == null ? null : "secret");
    }

    @ParameterizedTest(name = "{0} requiretls={1} optional={2} user={3} -> {4}")
    @CsvSource(textBlock = """
            NONE,          true,  false, , VERIFY
            OPPORTUNISTIC, true,  false, , VERIFY
            REQUIRED,      true,  false, , VERIFY
            VERIFY,        true,  false, , VERIFY
            IMPLICIT,      true,  false, , IMPLICIT
            REQUIRED,      false, true,  , OPPORTUNISTIC
            VERIFY,        false, true,  , OPPORTUNISTIC
            VERIFY,        false, true,  u, VERIFY
            IMPLICIT,      false, true,  , IMPLICIT
            NONE,          false, true,  , NONE
            OPPORTUNISTIC, false, false, , OPPORTUNISTIC
            REQUIRED,      false, false, , REQUIRED
            """)
    void opensTheTargetAsTheMessageNeeds(TlsMode tls, boolean requireTls, boolean optional, String user,
            TlsMode expected) {
        RelayTarget opened = RequireTls.target(target(tls, user), requireTls, optional);
        assertThat(opened.tls()).isEqualTo(expected);
        assertThat(opened.address()).isEqualTo(target(tls, user).address());
    }

    @ParameterizedTest(name = "encrypted={0} verified={1} mx={2} offered={3} -> {4}")
    @CsvSource(textBlock = """
            true,  true,  true,  true,  ''
            false, false, true,  true,  451 4.7.10
            true,  false, true,  true,  451 4.7.10
            true,  true,  false, true,  451 4.7.10
            true,  true,  true,  false, 451 4.7.30
            """)
    void aRequireTlsMessageGoesOnlyOverAFullyProtectedSession(boolean encrypted, boolean verified, boolean mx,
            boolean offered, String refusal) {
        RemoteReply reply = RequireTls.refusal(true, target(TlsMode.VERIFY, null),
                new RequireTls.Session(encrypted, verified, mx, offered));
        if (refusal.isEmpty()) {
            assertThat(reply).isNull();
        } else {
            assertThat(reply.toString()).startsWith(refusal);
        }
    }

    @ParameterizedTest(name = "{0} requiretls={1} -> {2}")
    @CsvSource(textBlock = """
            configured, true,  ''
            mx-lookup,  true,  451 4.7.10
            dane-mx,    true,  ''
            dane-only,  true,  451 4.7.10
            mta-sts,    true,  ''
            mx-lookup,  false, ''
            """)
    void aRequireTlsMessageGoesOnlyToAnAuthenticatedMxName(String policy, boolean requireTls, String refusal) {
        TlsPolicy tlsPolicy = switch (policy) {
            case "configured" -> TlsPolicy.CONFIGURED;
            case "mx-lookup" -> TlsPolicy.MX_LOOKUP;
            case "dane-mx" -> new TlsPolicy("DANE", null, false, true);
            case "dane-only" -> new TlsPolicy("DANE", null, false, false);
            default -> new TlsPolicy("MTA-STS", null, true, true);
        };
        RelayTarget target = target(TlsMode.VERIFY, null).under(TlsMode.VERIFY, tlsPolicy);
        RemoteReply reply = RequireTls.unauthenticatedMx(requireTls, target, MxAuthentication.BY_TLS_POLICY);
        if (refusal.isEmpty()) {
            assertThat(reply).isNull();
        } else {
            assertThat(reply.toString()).startsWith(refusal).contains("MX name is not validated");
        }
    }

    @Test
    void openingForRequireTlsKeepsTheDestinationsPolicy() {
        TlsPolicy dane = new TlsPolicy("DANE", null, false, true);
        RelayTarget opened = RequireTls.target(target(TlsMode.REQUIRED, null).under(TlsMode.REQUIRED, dane), true,
                false);
        assertThat(opened.tls()).isEqualTo(TlsMode.VERIFY);
        assertThat(opened.policy()).isSameAs(dane);
    }

    @Test
    void aMessageWithoutRequireTlsGoesOverAnySession() {
        assertThat(RequireTls.refusal(false, target(TlsMode.NONE, null),
                new RequireTls.Session(false, false, false, false))).isNull();
    }

    @Test
    void aTlsFailureOfARequireTlsMessageIsSaidInRfc8689Terms() {
        RemoteReply tls = LocalReply.tlsNotOffered(target(TlsMode.VERIFY, null));
        assertThat(RequireTls.sessionFailure(true, tls).toString()).startsWith("421 4.7.10 REQUIRETLS: TLS required");
        assertThat(RequireTls.sessionFailure(false, tls)).isSameAs(tls);
        RemoteReply down = LocalReply.noServerTried();
        assertThat(RequireTls.sessionFailure(true, down)).isSameAs(down);
    }
}
