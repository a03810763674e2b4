/**
 * NOTIFY (RFC 5465): the command, its pure parser, and the per-session subscription that turns the store's
 * change events of an account into STATUS, LIST and METADATA responses.
 *
 * <p>Invariants: the subscription listens to the account on the store's event bus, which carries changes across
 * nodes (PostgreSQL LISTEN/NOTIFY), so a session on one node hears what another committed. Events are only queued
 * on the publisher's thread, at most {@code courriel.imap.max-pending-updates} of them; the session writes them
 * under its update lock, at a command's end, in IDLE, or from a short-lived push thread while it waits for a
 * command. Past the bound: {@code OK [NOTIFICATIONOVERFLOW]} and NOTIFY NONE (§5.8). The selected mailbox's
 * message events go through the session's own view ({@code SelectedMailbox}), as without NOTIFY.
 * Other users' and shared mailboxes that a SUBSCRIBED, SUBTREE or MAILBOXES group names are watched one by one
 * ({@code subscribeMailbox}), only while the user holds "l" and "r" on them (read again before each report),
 * at most as many as {@code MailboxAccess} lists.
 */
package org.courriel.imap.notify;
