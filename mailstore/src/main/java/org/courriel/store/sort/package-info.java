/**
 * What SORT and THREAD (RFC 5256, RFC 5957) order and group by, as pure functions: the base subject
 * ({@link org.courriel.store.sort.BaseSubject}, §2.1), the i;unicode-casemap collation
 * ({@link org.courriel.store.sort.UnicodeCasemap}, RFC 5051), the sort keys of one message
 * ({@link org.courriel.store.sort.SortFields}, computed once when its content is stored) and the threading
 * algorithms ({@link org.courriel.store.sort.MessageThreader}, §3) with the message IDs they link by
 * ({@link org.courriel.store.sort.MessageIds}). No SQL and no I/O here: the content store
 * keeps the keys, the listing orders by them. Depends on {@code mime} only.
 */
package org.courriel.store.sort;
