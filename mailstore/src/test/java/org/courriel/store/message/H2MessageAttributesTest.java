package org.courriel.store.message;

/** The message attributes contract on the embedded default, H2. */
class H2MessageAttributesTest extends MessageAttributesContract {
}
