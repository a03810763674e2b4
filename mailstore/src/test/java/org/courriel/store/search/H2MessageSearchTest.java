package org.courriel.store.search;

/** The search contract on the embedded default, H2. */
class H2MessageSearchTest extends MessageSearchContract {
}
