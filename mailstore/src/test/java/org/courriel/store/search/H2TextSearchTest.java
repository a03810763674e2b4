package org.courriel.store.search;

/** The text search contract on the embedded default: Lucene beside H2. */
class H2TextSearchTest extends TextSearchContract {
}
