package org.courriel.mta.auth.arc;

import java.util.List;

import org.courriel.mta.auth.dmarc.DmarcPolicy;
import org.courriel.mta.auth.dmarc.DmarcResult;
import org.courriel.mta.auth.dmarc.DmarcVerdict;

/**
 * The local policy override of RFC 7489 §6.7 that RFC 8617 §7.2.1 describes: when a trusted intermediary's ARC
 * chain passes, a DMARC failure (typically a mailing list that changed the message) is not acted on. The result
 * stays {@code fail}, only the disposition becomes none. Pure.
 */
public final class ArcPolicyOverride {

    private ArcPolicyOverride() {
    }

    /** Some From domain failed DMARC with a policy asking for reject or quarantine. */
    public static boolean applies(List<DmarcVerdict> verdicts) {
        return verdicts.stream().anyMatch(ArcPolicyOverride::overridable);
    }

    /** The verdicts with the overridable failures' disposition none. */
    public static List<DmarcVerdict> apply(List<DmarcVerdict> verdicts) {
        return verdicts.stream().map(v -> overridable(v) ? new DmarcVerdict(v.result(), v.fromDomain(),
                v.requested(), DmarcPolicy.NONE, v.aligned(), v.reason() + "; overridden by a trusted ARC chain")
                : v).toList();
    }

    private static boolean overridable(DmarcVerdict v) {
        return v.result() == DmarcResult.FAIL && v.disposition() != DmarcPolicy.NONE;
    }
}
