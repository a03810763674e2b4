/**
 * The mail log ({@link org.courriel.mta.maillog.MailLog}): one line per message event under the logger
 * {@code courriel.maillog}, keyed by a queue id that intake, local delivery, the queue and notifications share.
 * Hooks call its static methods only after the event is durable, so a line never tells of a message lost.
 */
package org.courriel.mta.maillog;
