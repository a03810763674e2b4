package org.courriel.mta.spam.greylist;

/** Greylisting on the embedded default, H2. */
class H2GreylistingTest extends GreylistingContract {
}
