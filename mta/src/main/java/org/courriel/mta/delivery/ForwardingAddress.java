package org.courriel.mta.delivery;

/**
 * The reverse-path a forwarded copy goes out with (an alias to an external address, a Sieve redirect), and the
 * way back: a recipient that is such a rewritten reverse-path names the original sender. The default keeps the
 * original sender and knows no rewritten address; {@code org.courriel.mta.srs} rewrites it (SRS0), so that SPF
 * at the next hop passes.
 */
@FunctionalInterface
public interface ForwardingAddress {

    /** Keeps every reverse-path as it is. */
    ForwardingAddress KEEP = (sender, forwarder) -> sender;

    /**
     * @param originalSender the message's MAIL FROM, "" for the null reverse-path (kept as it is)
     * @param forwarder      the local address whose alias or script forwards
     */
    String reversePath(String originalSender, String forwarder);

    /** What {@code recipient} is when a message comes back to it: by default an ordinary address. */
    default Return returning(String recipient) {
        return new Return.Ordinary();
    }

    /** A recipient read as one of our rewritten reverse-paths. */
    sealed interface Return {

        /** Not one of ours: resolve it as any address. */
        record Ordinary() implements Return {
        }

        /** One of ours, valid: the message goes to {@code address}, the original sender. */
        record Original(String address) implements Return {
        }

        /** Looks like one of ours but we did not sign it, or it expired: no such recipient. */
        record Forged(String reason) implements Return {
        }
    }
}
