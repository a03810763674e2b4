package org.courriel.mta.auth.arc;

import java.util.List;

import org.courriel.mta.auth.dmarc.DmarcPolicy;
import org.courriel.mta.auth.dmarc.DmarcResult;
import org.courriel.mta.auth.dmarc.DmarcVerdict;

/**
 * The local policy override of RFC 7489 §6.7 that RFC 8617 §7.2.1 describes: when a trusted intermediary's ARC
 * chain passes and that intermediary found DMARC passing for the From domain when the message reached it
 * (its ARC-Authentication-Results), a DMARC failure here (typically a mailing list that changed the message) is
 * not acted on. What the sealer found, not its mere presence, is what is trusted: a forged From that a trusted
 * forwarder saw fail and sealed honestly stays refused. The result stays {@code fail}, only the disposition
 * becomes none. Pure.
 */
public final class ArcPolicyOverride {

    private ArcPolicyOverride() {
    }

    /**
     * Some From domain failed DMARC with a policy asking for reject or quarantine, and the chain's sealer found
     * DMARC passing for it.
     */
    public static boolean applies(List<DmarcVerdict> verdicts, ArcVerdict chain) {
        return verdicts.stream().anyMatch(v -> overridable(v, chain));
    }

    /** The verdicts with the overridable failures' disposition none. */
    public static List<DmarcVerdict> apply(List<DmarcVerdict> verdicts, ArcVerdict chain) {
        return verdicts.stream().map(v -> overridable(v, chain) ? new DmarcVerdict(v.result(), v.fromDomain(),
                v.requested(), DmarcPolicy.NONE, v.aligned(), v.reason() + "; overridden by a trusted ARC chain")
                : v).toList();
    }

    private static boolean overridable(DmarcVerdict v, ArcVerdict chain) {
        return v.result() == DmarcResult.FAIL && v.disposition() != DmarcPolicy.NONE
                && SealerResults.dmarcPassed(chain.sealerResults(), v.fromDomain());
    }
}
