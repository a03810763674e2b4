package org.courriel.store.acme;

/** The ACME state on the embedded default, H2. */
class H2AcmeStoreTest extends AcmeStoreContract {
}
