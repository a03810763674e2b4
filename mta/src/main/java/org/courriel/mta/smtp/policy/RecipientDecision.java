package org.courriel.mta.smtp.policy;

import org.courriel.mta.smtp.reply.Reply;

/** The policy's answer to one RCPT TO. */
public sealed interface RecipientDecision {

    /**
     * Accepted.
     *
     * @param address the normal form to put in the envelope
     * @param leavesServer the message will also go out (a remote recipient or an alias forwarding outside),
     *                     so it is not a final delivery for every copy
     */
    record Accept(String address, boolean leavesServer) implements RecipientDecision {
    }

    /**
     * Refused.
     *
     * @param metricReason the tag for the refused-recipients meter
     */
    record Refuse(Reply reply, String metricReason) implements RecipientDecision {
    }
}
