package org.courriel.store.limit;

/** Send counters on the embedded default, H2. */
class H2SendCountersTest extends SendCountersContract {
}
