package org.courriel.mta.delivery;

import java.util.List;

import org.courriel.store.message.AppendResult;

/**
 * What became of a message handed to {@link MailDelivery}: the local copies stored and the recipients queued
 * for relay, all committed together, and the queue id of its lines in the mail log.
 */
public record DeliveryResult(List<AppendResult> stored, List<EnvelopeRecipient> queued, String queueId) {
}
