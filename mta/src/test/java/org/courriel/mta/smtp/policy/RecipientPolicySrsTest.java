package org.courriel.mta.smtp.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.courriel.mta.delivery.ForwardingAddress;
import org.courriel.mta.smtp.syntax.RcptParameters;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.Recipient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RCPT TO an SRS address of ours, as a table: a valid one is accepted for the original sender (a remote one
 * even without authentication), a forged one is no such user, an ordinary address is left to the usual rules.
 */
class RecipientPolicySrsTest {

    private static final AccountInfo BOB = new AccountInfo(1, "bob@hamburger.edu", "Bob", 0, 0, true, false);

    /** Stands for SrsForwarding: "SRS0=ok..." at srs.hamburger.edu names the part after "ok-", others are forged. */
    private static final ForwardingAddress SRS = new ForwardingAddress() {
        @Override
        public String reversePath(String originalSender, String forwarder) {
            return originalSender;
        }

        @Override
        public Return returning(String recipient) {
            if (!recipient.endsWith("@srs.hamburger.edu")) {
                return new Return.Ordinary();
            }
            String local = recipient.substring(0, recipient.indexOf('@'));
            return local.startsWith("SRS0=ok-") ? new Return.Original(local.substring(8).replace('=', '@'))
                    : new Return.Forged("bad hash");
        }
    };

    private final RecipientPolicy policy = new RecipientPolicy(address -> address.endsWith("@hamburger.edu")
            ? address.startsWith("bob@") ? new Recipient.Local(address, List.of(BOB), List.of())
                    : new Recipient.Unknown(address)
            : new Recipient.Remote(address), SRS);

    @ParameterizedTest(name = "{0} from <{1}> -> {2}")
    @CsvSource({
            "SRS0=ok-alice=crepes.example@srs.hamburger.edu, '',               accept alice@crepes.example leaves",
            // not a bounce: relaying to the original sender would make the SRS address an open relay to it
            "SRS0=ok-alice=crepes.example@srs.hamburger.edu, spam@spam.example, refuse 554 5.7.1 srs",
            "SRS0=ok-bob=hamburger.edu@srs.hamburger.edu,    '',               accept bob@hamburger.edu stays",
            "SRS0=ok-bob=hamburger.edu@srs.hamburger.edu,    carol@crepes.example, accept bob@hamburger.edu stays",
            "SRS0=ok-nobody=hamburger.edu@srs.hamburger.edu, '',               refuse 550 5.1.1 unknown",
            "SRS0=forged=crepes.example@srs.hamburger.edu,   '',               refuse 550 5.1.1 srs",
            "bob@hamburger.edu,                              '',               accept bob@hamburger.edu stays",
            "alice@crepes.example,                           '',               refuse 554 5.7.1 relay"})
    void anMxRecipientAtTheSrsDomainIsReadBack(String rcpt, String sender, String expected) throws Exception {
        RecipientDecision d = policy.check(RcptParameters.parse("TO:<" + rcpt + ">").path(), false, sender.isEmpty(),
                0, "mx.hamburger.edu");
        String got = switch (d) {
            case RecipientDecision.Accept a -> "accept " + a.address() + (a.leavesServer() ? " leaves" : " stays");
            case RecipientDecision.Refuse r -> "refuse " + r.reply().code() + " " + r.reply().enhanced() + " "
                    + r.metricReason();
        };
        assertThat(got).isEqualTo(expected);
    }
}
