package org.courriel.mta.queue;

/** Claims on H2. */
class H2ClaimTest extends ClaimContract {
}
