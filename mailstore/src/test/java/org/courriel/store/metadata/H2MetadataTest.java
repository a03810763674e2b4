package org.courriel.store.metadata;

/** The annotation contract on the embedded default, H2. */
class H2MetadataTest extends MetadataContract {
}
