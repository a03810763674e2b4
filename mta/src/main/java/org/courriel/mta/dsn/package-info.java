/**
 * Delivery status notifications (RFC 3464 inside an RFC 6522 {@code multipart/report}), built with Mime4j's
 * builders; the {@code message/delivery-status} body, which Mime4j does not model, is encoded by
 * {@link org.courriel.mta.dsn.DeliveryStatusFields}. Reports go out with the null reverse-path through
 * {@link org.courriel.mta.delivery.MailDelivery}, so a local sender finds them in the INBOX and they are never
 * bounced in turn. Actions used: failed (permanent failure or expiry), delayed (optional notice), relayed
 * (NOTIFY=SUCCESS and the next server has no DSN), delivered (NOTIFY=SUCCESS, stored locally). The original
 * comes back as {@code text/rfc822-headers}, or whole as {@code message/rfc822} with RET=FULL (RFC 3461 §4.3).
 * Not done: the utf-8 address type of RFC 6533 (addresses are reported as rfc822).
 */
package org.courriel.mta.dsn;
