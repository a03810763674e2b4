package org.courriel.store.srs;

/** SRS secrets on the embedded default, H2. */
class H2SrsSecretsTest extends SrsSecretsContract {
}
