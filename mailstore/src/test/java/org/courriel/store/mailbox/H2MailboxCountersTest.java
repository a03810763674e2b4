package org.courriel.store.mailbox;

/** The mailbox counters contract on the embedded default, H2. */
class H2MailboxCountersTest extends MailboxCountersContract {
}
