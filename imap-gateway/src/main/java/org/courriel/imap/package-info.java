/**
 * The IMAP gateway: an IMAP4rev1 (RFC 3501) and IMAP4rev2 (RFC 9051) server over the mail store.
 *
 * <p>Where to start reading: {@link org.courriel.imap.command.CommandSet} lists every command; each is one
 * class in {@code command} (FETCH, with its parser and encoders, in {@code fetch}) with a pure {@code parse}
 * (arguments to a request record) and a {@code process};
 * {@link org.courriel.imap.session.CommandDispatcher} checks the session state once and maps failures
 * ({@code FailureMapping}: syntax BAD, refusal NO [CODE], bug NO [SERVERBUG] plus an error log);
 * {@link org.courriel.imap.session.ChannelImapSession} runs a connection, which commands see as the narrow
 * {@link org.courriel.imap.session.ImapSession}; {@code protocol} holds the pure framing, parsing and encoding;
 * {@code server} binds the listeners through {@code org.courriel.access}.
 *
 * <p>Invariants:
 * <ul>
 * <li>One virtual thread per connection and no other long-lived thread per session. Mailbox events reach a
 * session on the publisher's thread and are only queued; the session applies them at command boundaries,
 * or, while IDLE or (with NOTIFY, RFC 5465) while it waits for a command, a short-lived virtual thread writes
 * them under the session's update lock, which the session takes before it runs a command.</li>
 * <li>The sequence map ({@code MessageSequence}) changes only when the client is told: EXISTS when UIDs are
 * added, EXPUNGE/VANISHED when removed, so sequence numbers stay right across expunges. EXPUNGE is held back
 * after FETCH, STORE and SEARCH (RFC 9051 §7.5.1); the session's own EXPUNGE and MOVE report through the same
 * events as other sessions'.</li>
 * <li>Per-session state is small: the UIDs at SELECT are one read-only array shared by every session on the
 * same mailbox state ({@code UidSnapshots}), each session keeping only its deltas; the queued events are
 * bounded ({@code courriel.imap.max-pending-updates}), past which the session resynchronises from the store.</li>
 * <li>FETCH reads the store in batches of UIDs; flags, sizes, envelopes, structures and header fields come from
 * the stored rows, summaries and header column, never from the message bytes; save dates (SAVEDATE) and previews
 * (PREVIEW) are read per batch only when asked for, and OBJECTID's ids are the rows' own ids
 * ({@code protocol.ObjectId}).</li>
 * <li>Nothing here touches the database directly: only the store's services.</li>
 * <li>No package cycle: {@code session} holds the command contract ({@code ImapCommand}, {@code Completion},
 * {@code ImapRefusal}) and knows no command; the configuration passes the command list to the dispatcher.</li>
 * </ul>
 */
package org.courriel.imap;
