package org.courriel.api;

/** The round trip on the embedded default, H2. */
class H2ApiRoundTripTest extends ApiRoundTripContract {
}
