package org.courriel.mta.auth.arc;

/**
 * What the validation of a message's ARC chain found (RFC 8617 §5.2).
 *
 * @param result     none (no ARC fields), pass or fail
 * @param instances  the number of ARC sets (N), 0 for none
 * @param oldestPass RFC 8617 §5.2 step 5: the oldest instance whose AMS still validates, 0 when all do; -1
 *                   unless the result is pass
 * @param sealer     for a pass: the {@code d=} of the ARC-Seal of the oldest-pass instance (instance 1 when
 *                   oldest-pass is 0), the intermediary vouching for the message as it is now; otherwise null
 * @param reason     for the comment in Authentication-Results and the logs; null for none
 * @param sealerResults for a pass: the value of that instance's ARC-Authentication-Results, what the sealer
 *                   found when the message reached it (RFC 8617 §4.1.1); otherwise null
 */
public record ArcVerdict(ArcResult result, int instances, int oldestPass, String sealer, String reason,
        String sealerResults) {

    public ArcVerdict(ArcResult result, int instances, int oldestPass, String sealer, String reason) {
        this(result, instances, oldestPass, sealer, reason, null);
    }

    public static final ArcVerdict NONE = new ArcVerdict(ArcResult.NONE, 0, -1, null, null);

    static ArcVerdict fail(int instances, String reason) {
        return new ArcVerdict(ArcResult.FAIL, instances, -1, null, reason);
    }
}
