/**
 * The SMTP server: MX (RFC 5321), submission (RFC 6409) and submissions (RFC 8314) listeners.
 * <p>
 * Layout: {@code syntax} parses command arguments into records ({@code MailParameters.parse} gives a
 * {@code MailRequest}) and {@code reply} encodes replies (both pure, no I/O);
 * {@code body} reads DATA and BDAT content; {@code command} holds one class per SMTP verb, listed in
 * {@code SmtpCommands}; {@code session} runs a connection's command loop and state machine over an
 * {@code org.courriel.access.net.Channel}, and its {@code SmtpDispatcher} maps every failure to a reply;
 * {@code policy} decides who may receive (the relay policy); {@code trace} builds the header fields the
 * server adds. {@link org.courriel.mta.smtp.SmtpConfiguration} wires one
 * {@link org.courriel.mta.smtp.SmtpServer} per enabled listener on the shared
 * {@code org.courriel.access} plumbing.
 * <p>
 * Invariants:
 * <ul>
 * <li>250 after DATA or BDAT LAST is sent only after {@code MailDelivery.deliver} returned, so every
 *     copy (local INBOXes and the relay hand-off) is durable; on any failure nothing is kept and the
 *     client hears 4xx.</li>
 * <li>Only CRLF "." CRLF ends DATA; content with bare CR or LF is never accepted through DATA.</li>
 * <li>A non-local recipient is accepted only from an authenticated submission session; MX accepts local
 *     recipients only. No local part is ever interpreted as a route.</li>
 * <li>After STARTTLS nothing from before the handshake counts: buffered input is dropped and the session
 *     restarts at CONNECTED.</li>
 * <li>Every read has a bound (line length, message size, chunk size), a timeout and a total deadline
 *     (the command timeout per command line, the data timeout plus the minimum data rate per DATA content
 *     or BDAT chunk); every write has the listeners' write timeout. Deadlines end when the client's part is
 *     read: the server's own work (storing a message) never runs under them.</li>
 * <li>A shutdown never waits on a session's lock or a client: sessions between commands are told 421 and
 *     closed from another thread, busy ones finish their command first, the listener closes the rest after
 *     its grace.</li>
 * <li>Commands see their session as a {@code CommandSession}, never the concrete {@code SmtpSession};
 *     {@code session} does not depend on {@code command} (the configuration passes the command list in).</li>
 * <li>A syntax error is an {@code SmtpSyntaxException} from a parser, answered once by the dispatcher.</li>
 * <li>{@code MessageIntake} writes every trace field (Return-Path, Received, the submission fields): DATA
 *     and BDAT reach the store through it alone.</li>
 * <li>This package does not depend on the queue's internals, only on {@code OutboundQueue} through
 *     {@code MailDelivery}.</li>
 * </ul>
 */
package org.courriel.mta.smtp;
