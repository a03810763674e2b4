package org.courriel.mta.relay;

/**
 * What the remote server said about one recipient: the reply that decides (RCPT refusal, or the reply after
 * the final dot), and the outcome it means.
 *
 * @param dsnRelayed true when the server announced DSN, so the NOTIFY duty went along with the message
 */
public record RecipientResult(OutboundMessage.Recipient recipient, RemoteReply reply, boolean dsnRelayed) {

    public enum Outcome { DELIVERED, DEFERRED, FAILED }

    /** RFC 5321 §4.2.1: 2yz delivered, 4yz transient (deferred), 5yz permanent (failed). */
    public Outcome outcome() {
        return outcomeOf(reply);
    }

    public static Outcome outcomeOf(RemoteReply reply) {
        if (reply.code() >= 200 && reply.code() < 300) {
            return Outcome.DELIVERED;
        }
        if (reply.code() >= 500) {
            return Outcome.FAILED;
        }
        return Outcome.DEFERRED; // 4yz and anything unexpected (a 3yz where a final reply was due)
    }
}
