/**
 * The whole FETCH command (RFC 9051 §6.4.5, §7.5.2): {@code FetchParser} reads the items into a request
 * ({@code FetchItem}s), {@code FetchCommand} runs it in the selected mailbox (FETCH and UID FETCH, CONDSTORE's
 * CHANGEDSINCE and QRESYNC's VANISHED), and the encoders write ENVELOPE, BODY and BODYSTRUCTURE from the summary
 * the store keeps.
 * <p>
 * The parser and the encoders are pure: arguments or records in, a request or response text out; the session
 * decides whether UTF-8 is enabled. Golden files of the whole MIME corpus pin the encoders' output down.
 */
package org.courriel.imap.fetch;
