/**
 * The Sender Rewriting Scheme: the reverse-path of a copy forwarded outside our domains is rewritten to an
 * address at our forwarding domain ({@code SRS0=hash=tt=domain=local@forwarder}), so that SPF at the next
 * hop checks our domain; a bounce to that address is checked and sent back to the original sender.
 * <p>
 * {@link org.courriel.mta.srs.SrsCodec} is the pure format; {@link org.courriel.mta.srs.SrsForwarding} the
 * {@link org.courriel.mta.delivery.ForwardingAddress} with the store's secrets. A recipient at the forwarding
 * domain is decoded at RCPT ({@code smtp.policy}) and again in {@code MailDelivery} (notifications the queue
 * sends to it), whatever the sender: a valid hash is the proof, as postsrsd decides.
 */
package org.courriel.mta.srs;
