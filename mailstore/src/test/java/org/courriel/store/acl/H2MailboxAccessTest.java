package org.courriel.store.acl;

/** Access control lists on the embedded default, H2. */
class H2MailboxAccessTest extends MailboxAccessContract {
}
