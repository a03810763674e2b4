package org.courriel.store.sieve;

/** The duplicate test's memory on the embedded default, H2. */
class H2SieveDuplicatesTest extends SieveDuplicatesContract {
}
