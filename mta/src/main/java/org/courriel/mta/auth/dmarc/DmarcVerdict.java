package org.courriel.mta.auth.dmarc;

/**
 * The DMARC outcome for one RFC5322.From domain.
 *
 * @param requested   the policy the domain asks for ({@code p=} or {@code sp=}), null without a record
 * @param disposition what the domain asks for this message: {@code requested} for a failure inside
 *                    {@code pct=}, milder outside it, NONE for a pass
 * @param aligned     an SPF or DKIM pass aligned with the From domain exists (known even when the policy
 *                    lookup failed)
 */
public record DmarcVerdict(DmarcResult result, String fromDomain, DmarcPolicy requested, DmarcPolicy disposition,
        boolean aligned, String reason) {
}
