package org.courriel.mta.sieve;

/**
 * The reverse-path a redirected copy goes out with. The default keeps the original sender; the SRS work of
 * the mail-authentication engineers replaces this bean with one that rewrites it (SRS0), so that SPF at the
 * next hop passes.
 */
@FunctionalInterface
public interface ForwardingAddress {

    /**
     * @param originalSender the message's MAIL FROM, "" for the null reverse-path (kept as it is)
     * @param forwarder      the local account whose script redirects
     */
    String reversePath(String originalSender, String forwarder);
}
