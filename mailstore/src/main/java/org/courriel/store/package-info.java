/**
 * The mail store: domains, accounts, aliases, mailboxes, messages and their content, on H2 or PostgreSQL.
 * <p>
 * Invariants every caller can rely on:
 * <ul>
 * <li><b>Dependencies.</b> This module depends on no other Courriel module; the protocols depend on it.</li>
 * <li><b>Boundary.</b> Only this module writes SQL against the store's tables, and only it uses its internals
 * ({@code commit}, {@code content}, {@code disk}); the outbound queue's code ({@code org.courriel.mta.queue}),
 * which keeps its own tables in the store's transactions, is the one exception. Its packages form no cycle.
 * Each module's {@code ArchitectureTest} checks these rules ({@code org.courriel.store.testing.ArchitectureRules}).</li>
 * <li><b>Durability.</b> Every message write (append, delivery, copy, move, flags, expunge) is a
 * {@link org.courriel.store.message.MessageService} call, run as one unit of the
 * {@link org.courriel.store.commit.GroupCommitter} (which batches transactions and syncs, and knows nothing of
 * messages): when the call returns, the change is committed and on disk, so a protocol may acknowledge it.
 * A caller that must commit rows of its own with a delivery (the outbound queue) passes them as the
 * delivery's same-transaction hook. Concurrent sessions share one transaction and one sync. The other
 * writes (domains, accounts, aliases, passwords; mailbox creation, renaming, subscription) are synced by
 * {@link org.courriel.store.commit.SyncAfterCommit} before their call returns.</li>
 * <li><b>Storage layout.</b> The bytes of a message are kept once per distinct SHA-256: {@code content} holds its
 * digest, size, summary and preview, {@code content_header} the header section alone (the rows a first sync
 * reads, narrow and in arrival order) and {@code content_body} the body; reference counted by {@code message} rows,
 * outbound queue entries and spam training rows ({@link org.courriel.store.training.TrainingOutbox}). The MIME
 * summary (envelope, body structure, sort fields) and the preview
 * ({@link org.courriel.store.preview.MessagePreview}) are computed once, when the content is first stored; nothing
 * re-parses a body to list or FETCH summaries. A message row's save date is the database's clock at its insert.</li>
 * <li><b>Locking and order.</b> Each change to a mailbox first updates the mailbox row (UIDNEXT,
 * HIGHESTMODSEQ), which serialises writers of one mailbox until commit, so UIDs and MODSEQs become visible
 * in ascending order. The same row keeps the STATUS counters (messages, unseen, \Deleted, bytes), which each
 * change adds to under that lock in its own transaction: STATUS reads them, never a count of the rows.
 * Several mailboxes are locked in ascending id order. The IMAP \Recent watermark
 * ({@link org.courriel.store.mailbox.RecentWatermark}) locks one mailbox row alone, briefly, and is not synced:
 * a claim lost in a crash only makes messages recent once more.</li>
 * <li><b>Notifications.</b> {@link org.courriel.store.event.MailboxEvent}s are published after commit, in
 * commit order per mailbox, to this node's listeners and (on PostgreSQL) to other nodes. None is lost to a
 * broken connection: failed NOTIFYs are sent again, and a node that re-establishes LISTEN reads back the
 * changes to its watched mailboxes it missed; so a listener may hear a change twice and must not mind.</li>
 * <li><b>Stopping.</b> The group committer stops late ({@link org.courriel.store.lifecycle.ShutdownPhase}):
 * after the protocol listeners and the outbound queue, so every unit they handed it is committed and synced
 * before it stops; the change bus stops after it, so the last commits' events go out.</li>
 * <li><b>Access.</b> Services take mailbox ids that callers resolved per account through
 * {@link org.courriel.store.mailbox.MailboxAccess}, which names the mailboxes of the account and those other
 * accounts shared with it (RFC 4314 ACLs, {@code org.courriel.store.acl}; the "Other Users" and "Shared Folders"
 * namespaces), and gives the rights the account holds on each; a protocol never passes an id the user did not
 * reach that way, and passes those rights to the {@link org.courriel.store.message.MessageService} operations
 * that check them (append, copy, move, expunge, flags). Rights are read from the database, never kept per
 * node beyond one selected mailbox's session.</li>
 * </ul>
 */
package org.courriel.store;
