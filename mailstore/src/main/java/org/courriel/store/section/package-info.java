/**
 * Message sections by IMAP section specification (RFC 9051 §6.4.5.1) and their decoding (RFC 3516): pure
 * functions over a message's stored bytes, shared by IMAP FETCH and the REST API. Nothing here touches storage.
 */
package org.courriel.store.section;
