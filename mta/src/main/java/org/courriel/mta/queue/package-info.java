/**
 * The outbound queue: messages accepted for remote recipients wait here, as rows, until delivered, failed or
 * expired.
 *
 * <h2>Storage</h2>
 * {@code queue_message} (sender, DSN parameters, one reference on the store's {@code content} row),
 * {@code queue_recipient} (state, attempts, next attempt, last reply and host, the claim), {@code queue_attempt}
 * (history for operators). Migration {@code V20__outbound_queue.sql} in this module's resources, beside the
 * code that owns those tables; Flyway's default location {@code classpath:db/migration} finds it in this jar
 * next to the store's migrations. Only the queue writes SQL against them.
 * The queue's content reference is taken in the caller's group-commit transaction
 * ({@link org.courriel.mta.queue.DatabaseOutboundQueue}) and released in the transaction that makes the last
 * recipient final with no notification left to send ({@link org.courriel.mta.queue.QueueRepository#finishIfDone}),
 * so queued content is never deleted and finished content never leaks.
 *
 * <h2>Claims, several nodes</h2>
 * A worker claims due recipients with {@code SELECT ... FOR UPDATE SKIP LOCKED} and sets a claim token and a
 * lease ({@code courriel.queue.lease}) in the same short transaction; it delivers outside any transaction and
 * clears the claim when it records the outcome. Several nodes on one PostgreSQL never hold the same recipient:
 * the row lock serialises the claim and the UPDATE repeats the lease condition. H2 2.x implements
 * {@code SKIP LOCKED} as well (a row locked by another transaction is skipped, not waited for); H2 is a
 * single-node database anyway. A node that dies holding claims loses them when the lease ends; another node
 * then retries the work. All nodes' clocks are assumed roughly in step (NTP): leases compare wall-clock time.
 *
 * <h2>Crash safety and the duplicate window</h2>
 * A recipient is marked delivered only after the remote server's 250 to the final dot, and that mark is
 * durable (group commit) before the next message goes out. If the node dies after the server's 250 and
 * before the mark is on disk, the recipient is delivered again once the lease ends: a duplicate, which
 * RFC 5321 §6.1 prefers to a loss (the same window every MTA has, see also RFC 1047). The window is one
 * message per connection. The same holds when a worker outlives its lease (a transfer slower than
 * {@code courriel.queue.lease}): keep the lease well above the DATA timeouts. Notifications (DSNs) are
 * stored before they are marked sent, so a crash repeats a notification and never loses one.
 *
 * <h2>Order of work</h2>
 * Claimed recipients are grouped by destination domain; each group gets a virtual thread and, after
 * routing ({@link org.courriel.mta.relay.Router}), one connection that carries all its messages in turn.
 * Results are recorded per message; after a claim's groups finish, due notifications are sent, then the
 * claim is released. The retry schedule is one function: {@link org.courriel.mta.queue.RetrySchedule}.
 *
 * <h2>Stopping</h2>
 * On SIGTERM the worker stops after the listeners and before the group committer
 * ({@link org.courriel.store.lifecycle.ShutdownPhase#QUEUE}): it claims nothing more, lets the transfer on the
 * wire of each connection finish within what is left of {@code courriel.listeners.shutdown-grace} (no new
 * message starts), interrupts the transfers still running after it, and clears the claim token and lease of
 * every recipient it holds ({@link org.courriel.mta.queue.QueueRepository#abandonClaims}), pending
 * notifications included, so another node (or this one restarted) takes them at once instead of after the
 * lease. An abandoned transfer records no attempt; if the remote had already taken it, it arrives twice (the
 * duplicate window above). A worker that cannot reach the database to give its claims back leaves them to
 * expire with the lease, as after a crash.
 *
 * <h2>Dependencies</h2>
 * This package uses the store through its services and SQL on its own tables; it must not depend on the
 * SMTP server ({@code org.courriel.mta.smtp}). It depends on {@code org.courriel.mta.delivery} (the envelope,
 * and {@link org.courriel.mta.delivery.OutboundQueue}, which it implements), never the other way round, so
 * delivery, queue, DSN and relay form no package cycle.
 */
package org.courriel.mta.queue;
