/**
 * Searching a mailbox: {@link org.courriel.store.search.SearchKey} (every IMAP SEARCH key, UID-based) and
 * {@link org.courriel.store.search.MessageSearch}, which streams the mailbox through the message service and
 * reads only what the keys need. Session state (sequence numbers, \Recent) stays with the protocol.
 */
package org.courriel.store.search;
