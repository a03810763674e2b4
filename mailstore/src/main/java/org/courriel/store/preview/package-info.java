/**
 * The preview of a message (IMAP PREVIEW, RFC 8970): a short plain-text abbreviation of its text, computed once
 * when the content is first stored. Pure functions of the message bytes; nothing here reads or writes the
 * database. Depends on the MIME reading of {@code store.mime} only.
 */
package org.courriel.store.preview;
