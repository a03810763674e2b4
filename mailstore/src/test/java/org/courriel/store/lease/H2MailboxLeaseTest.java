package org.courriel.store.lease;

/** Mailbox leases on the embedded default, H2. */
class H2MailboxLeaseTest extends MailboxLeaseContract {
}
