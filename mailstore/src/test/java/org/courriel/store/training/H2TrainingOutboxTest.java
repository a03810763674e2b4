package org.courriel.store.training;

/** The spam training outbox on the embedded default, H2. */
class H2TrainingOutboxTest extends TrainingOutboxContract {
}
