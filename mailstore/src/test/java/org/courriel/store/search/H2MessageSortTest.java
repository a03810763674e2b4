package org.courriel.store.search;

/** The sort contract on the embedded default, H2. */
class H2MessageSortTest extends MessageSortContract {
}
