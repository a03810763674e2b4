package org.courriel.store;

/** The store contract on the embedded default, H2. */
class H2MailStoreTest extends MailStoreContract {
}
