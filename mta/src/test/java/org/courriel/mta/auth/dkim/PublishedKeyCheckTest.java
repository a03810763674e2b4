package org.courriel.mta.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;

import org.courriel.mta.dns.DnsAnswer;
import org.courriel.mta.dns.DnsResolver;
import org.courriel.store.dkim.DkimAlgorithm;
import org.courriel.store.dkim.DkimKey;
import org.courriel.store.dkim.DkimKeyState;
import org.junit.jupiter.api.Test;

/** A selector signs only once DNS carries its key (RFC 6376 §3.6.2.2). */
class PublishedKeyCheckTest {

    static final DkimKey KEY = new DkimKey("example.org", "s1", DkimAlgorithm.ED25519_SHA256,
            "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", DkimKeyState.PENDING, null, null, null);

    private static DnsResolver txt(DnsAnswer<String> answer) {
        return new DnsResolver() {
            @Override
            public DnsAnswer<MxRecord> mx(String domain) {
                throw new AssertionError("not asked");
            }

            @Override
            public DnsAnswer<InetAddress> addresses(String host) {
                throw new AssertionError("not asked");
            }

            @Override
            public DnsAnswer<String> txt(String name) {
                assertThat(name).isEqualTo("s1._domainkey.example.org");
                return answer;
            }
        };
    }

    private static PublishedKeyCheck.Outcome check(DnsAnswer<String> answer) {
        return PublishedKeyCheck.check(KEY, txt(answer)).outcome();
    }

    @Test
    void publishedWhenARecordCarriesTheKeyEvenFoldedAndReordered() {
        assertThat(check(DnsAnswer.found(List.of("v=spf1 -all",
                "k=ed25519 ; v=DKIM1; p=11qYAYKxCrfVS/7TyWQH Og7hcvPapiMlrwIaaPcHURo=")))).isEqualTo(
                PublishedKeyCheck.Outcome.PUBLISHED);
    }

    @Test
    void anotherKeyOrKindIsDifferent() {
        assertThat(check(DnsAnswer.found(List.of("v=DKIM1; k=ed25519; p=AAAA"))))
                .isEqualTo(PublishedKeyCheck.Outcome.DIFFERENT);
        // k= defaults to rsa (RFC 6376 §3.6.1): the same bits published without k= are not this key.
        assertThat(check(DnsAnswer.found(List.of("v=DKIM1; p=" + KEY.publicKey()))))
                .isEqualTo(PublishedKeyCheck.Outcome.DIFFERENT);
    }

    @Test
    void absentOrUnreachable() {
        assertThat(check(DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "nxdomain"))).isEqualTo(PublishedKeyCheck.Outcome.MISSING);
        assertThat(check(DnsAnswer.of(DnsAnswer.Status.NO_DATA, null))).isEqualTo(PublishedKeyCheck.Outcome.MISSING);
        assertThat(check(DnsAnswer.of(DnsAnswer.Status.TEMPORARY_FAILURE, "timeout")))
                .isEqualTo(PublishedKeyCheck.Outcome.DNS_FAILURE);
    }
}
