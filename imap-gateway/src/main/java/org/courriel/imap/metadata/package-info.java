/**
 * IMAP METADATA (RFC 5464): GETMETADATA and SETMETADATA, the entry-name rules and the METADATA response. The
 * annotations live in the store ({@code org.courriel.store.metadata}), which decides who may write them and
 * keeps the per-account bounds; this package parses, checks names (BAD) and maps the store's refusals to
 * {@code [METADATA ...]} codes. No package here depends on {@code command}.
 */
package org.courriel.imap.metadata;
