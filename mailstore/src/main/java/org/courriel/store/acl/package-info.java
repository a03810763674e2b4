/**
 * Access control lists (RFC 4314): the {@link org.courriel.store.acl.Right}s, sets of them
 * ({@link org.courriel.store.acl.Rights}, parsed and written with the virtual "c" and "d" of §2.1.1), and the
 * {@code mailbox_acl} rows ({@link org.courriel.store.acl.MailboxAcl}).
 * <p>
 * Invariants:
 * <ul>
 * <li>This package depends on no other store package but {@code commit}: the mailbox and message packages use it,
 * never the reverse. Who may do what is decided in {@link org.courriel.store.mailbox.MailboxAccess}; the rows here
 * are only kept.</li>
 * <li>The owner of a mailbox holds every right and has no row; an identifier is an account's address (lower
 * case) or {@code anyone}, every account of the owner's domain. A row never holds an empty set of rights.</li>
 * <li>Rows go with their mailbox (a foreign key that cascades) and with the account they name
 * ({@link org.courriel.store.account.AccountService#delete}). Changes are synced before the call returns.</li>
 * </ul>
 */
package org.courriel.store.acl;
