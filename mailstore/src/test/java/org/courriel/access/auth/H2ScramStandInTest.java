package org.courriel.access.auth;

/** SCRAM stand-ins on the embedded default, H2. */
class H2ScramStandInTest extends ScramStandInContract {
}
