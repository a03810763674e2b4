package org.courriel.store.search;

import java.util.List;

import org.courriel.store.message.MessageRecord;

/**
 * One page of a {@link MessageQuery}'s answer.
 *
 * @param messages the page's messages with their summaries, in the query's order
 * @param total    how many messages match the filter in all pages
 */
public record MessageListPage(List<MessageRecord> messages, long total) {
}
