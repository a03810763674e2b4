/**
 * The mail transfer agent: the SMTP server ({@code smtp}), local delivery ({@code delivery}), the outbound
 * queue ({@code queue}), the relay client ({@code relay}) and delivery status notifications ({@code dsn}).
 * <p>
 * Rules (those a test can check are checked by {@code ArchitectureTest}):
 * <ul>
 * <li>The MTA depends on the store ({@code mailstore}) alone, never on the IMAP gateway, the API or the
 *     deployment.</li>
 * <li>No SQL here but the queue's own: {@code queue} reads and writes its tables (outbound_queue,
 *     queue_recipient) in the store's transactions; everything else uses the store's services.</li>
 * <li>No package cycle: {@code smtp}'s {@code session} knows no command, {@code command} sees a session only
 *     as a {@code CommandSession}.</li>
 * <li>250 after a message's content only once {@code MailDelivery} has committed every copy.</li>
 * </ul>
 */
package org.courriel.mta;
