/**
 * DMARC (RFC 7489): {@link org.courriel.mta.auth.dmarc.DmarcEvaluator} over the node's DNS resolver; records,
 * From domains and organizational domains (Guava's copy of the Public Suffix List) are pure.
 *
 * <h2>RFC status</h2>
 * §3.1 relaxed and strict alignment of SPF and DKIM; §3.2 organizational domain; §6.3 p=, sp=, pct=, adkim=,
 * aspf=; §6.6.1 every From field and address (the strictest result wins); §6.6.3 policy discovery (From
 * domain, then organizational domain; no record or several: no policy; a p= missing with rua= is none); §6.6.4
 * pct= sampling. Not done: aggregate and failure reports (rua=, ruf=), DMARCbis tree walk.
 */
package org.courriel.mta.auth.dmarc;
