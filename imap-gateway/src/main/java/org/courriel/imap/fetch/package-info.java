/**
 * FETCH response encoders (RFC 9051 §7.5.2): ENVELOPE, BODY and BODYSTRUCTURE from the summary the store keeps.
 * Pure: records in, response text out; the session decides whether UTF-8 is enabled. Golden files of the whole
 * MIME corpus pin the output down.
 */
package org.courriel.imap.fetch;
