package org.courriel.mta.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.courriel.mta.spam.OutboundScoring.Outcome;
import org.courriel.mta.spam.SpamProperties.Outbound.RefuseAt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

/** The one mapping of rspamd's action for outbound mail, as a table; the request names the account. */
class OutboundScoringTest {

    private static SpamProperties properties(RefuseAt refuseAt, SpamProperties.Unavailable unavailable) {
        return new SpamProperties(new SpamProperties.Rspamd("http://127.0.0.1:11333", Duration.ofSeconds(1),
                Duration.ofSeconds(1), unavailable, DataSize.ofMegabytes(1), DataSize.ofMegabytes(1)), true,
                new SpamProperties.Outbound(true, refuseAt));
    }

    @ParameterizedTest(name = "{0} with refuse-at {1} -> {2}")
    @CsvSource({
            "no action,       REJECT,     SEND",
            "greylist,        REJECT,     SEND",
            "add header,      REJECT,     SEND",
            "rewrite subject, REJECT,     SEND",
            "add header,      ADD_HEADER, REFUSE",
            "rewrite subject, ADD_HEADER, REFUSE",
            "soft reject,     REJECT,     TEMPFAIL",
            "reject,          REJECT,     REFUSE",
            "reject,          ADD_HEADER, REFUSE"})
    void mapsTheFiltersAction(String action, RefuseAt refuseAt, Outcome expected) {
        List<SpamRequest> asked = new ArrayList<>();
        SpamFilter filter = (request, message) -> {
            asked.add(request);
            return new SpamVerdict(SpamAction.of(action), 7, 15, List.of("X"), "", true);
        };
        OutboundScoring scoring = new OutboundScoring(filter, properties(refuseAt, SpamProperties.Unavailable.ACCEPT));
        SpamRequest request = new SpamRequest("192.0.2.9", "laptop", "", "alice@example.org",
                List.of("bob@example.net"), "alice@example.org", "");
        assertThat(scoring.check(request, new byte[] {'x'}).outcome()).isEqualTo(expected);
        assertThat(asked).singleElement().extracting(SpamRequest::user).isEqualTo("alice@example.org");
    }

    @ParameterizedTest(name = "unavailable with {0} -> {1}")
    @CsvSource({"ACCEPT, SEND", "TEMPFAIL, TEMPFAIL"})
    void anUnreachableFilterFollowsTheUnavailablePolicy(SpamProperties.Unavailable policy, Outcome expected) {
        OutboundScoring scoring = new OutboundScoring((request, message) -> SpamVerdict.unavailable("down"),
                properties(RefuseAt.REJECT, policy));
        assertThat(scoring.check(new SpamRequest("192.0.2.9", "", "", "a@example.org", List.of("b@example.net"),
                "a@example.org", ""), new byte[0]).outcome()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "filter configured {0}, outbound on {1} -> asked {2}")
    @CsvSource({"true, true, true", "true, false, false", "false, true, false"})
    void asksOnlyWhenAFilterIsConfiguredAndOutboundScoringIsOn(boolean filterConfigured, boolean on, boolean asked) {
        List<SpamRequest> requests = new ArrayList<>();
        SpamFilter filter = filterConfigured ? (request, message) -> {
            requests.add(request);
            return new SpamVerdict(SpamAction.REJECT, 20, 15, List.of(), "", true);
        } : SpamFilter.NONE;
        SpamProperties p = properties(RefuseAt.REJECT, SpamProperties.Unavailable.ACCEPT);
        OutboundScoring scoring = new OutboundScoring(filter,
                new SpamProperties(p.rspamd(), true, new SpamProperties.Outbound(on, RefuseAt.REJECT)));
        Outcome outcome = scoring.check(new SpamRequest("", "", "", "a@example.org", List.of("b@example.net"),
                "a@example.org", ""), new byte[0]).outcome();
        assertThat(requests.isEmpty()).isEqualTo(!asked);
        assertThat(outcome).isEqualTo(asked ? Outcome.REFUSE : Outcome.SEND);
    }
}
