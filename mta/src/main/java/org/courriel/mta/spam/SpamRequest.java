package org.courriel.mta.spam;

import java.util.List;

/**
 * The envelope a filter scores a message with.
 *
 * @param clientAddress the SMTP client's IP address
 * @param helo          the EHLO/HELO name, or empty
 * @param hostname      the client's verified reverse-DNS name, or empty when unknown
 * @param mailFrom      the reverse-path, empty for the null sender
 * @param recipients    the forward-paths
 * @param user          the authenticated account (submission, the REST send endpoint), or empty on the MX:
 *                      rspamd applies its settings for authenticated senders to a request that names one
 * @param queueId       the message's queue id (the mail log's), or empty
 */
public record SpamRequest(String clientAddress, String helo, String hostname, String mailFrom, List<String> recipients,
        String user, String queueId) {

    public SpamRequest {
        recipients = List.copyOf(recipients);
        user = user == null ? "" : user;
    }
}
