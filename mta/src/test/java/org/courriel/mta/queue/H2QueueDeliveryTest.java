package org.courriel.mta.queue;

/** The queue end to end on the embedded default, H2 (which supports FOR UPDATE SKIP LOCKED since 2.x). */
class H2QueueDeliveryTest extends QueueDeliveryContract {
}
