/**
 * POP3 (RFC 1939) over the mail store: the account's INBOX as a maildrop, on {@code courriel.pop3.port} with
 * STLS (RFC 2595) and {@code courriel.pop3s.port} with implicit TLS (RFC 8314 §3.3), on the shared listener,
 * TLS and login plumbing of {@code org.courriel.access}.
 * <p>
 * Layout: {@code protocol} parses command lines and encodes replies without I/O; {@code command} holds one
 * class per RFC command, each declaring the states it is valid in; {@code session} runs one connection and
 * holds its maildrop; {@code server} binds the listeners.
 * <p>
 * Invariants: a session in TRANSACTION state holds the store's lease on its INBOX ({@code MailboxLeases}),
 * so two POP3 sessions of one account never interleave, on one node or several (RFC 1939 §8); the message
 * numbers and sizes of a session are those of the snapshot taken at login; DELE changes nothing in the store
 * until QUIT, which removes the marked messages in one store transaction (RFC 1939 §6), so a dropped
 * connection deletes nothing. IMAP sessions see that removal as an ordinary expunge (the store's events).
 */
package org.courriel.pop3;
