/**
 * Searching a mailbox: {@link org.courriel.store.search.SearchKey} (every IMAP SEARCH key, UID-based) and
 * {@link org.courriel.store.search.MessageSearch}, which streams the mailbox through the message service and
 * reads only what the keys need. Session state (sequence numbers, \Recent) stays with the protocol.
 * What a message row's columns decide (flags, sizes, MODSEQ, UIDs) has one SQL translation,
 * {@code ColumnCondition}: IMAP SEARCH and the REST listing's filters both use it. The save date and content keys
 * are resolved to UIDs by SQL first ({@code RowKeys}).
 */
package org.courriel.store.search;
