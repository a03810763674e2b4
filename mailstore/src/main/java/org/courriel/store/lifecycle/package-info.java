/**
 * How a node stops on SIGTERM (the Spring context closing): the phases in {@link
 * org.courriel.store.lifecycle.ShutdownPhase}, listeners first, then the outbound queue, the group committer
 * and the change bus, all within one grace ({@link org.courriel.store.lifecycle.ShutdownDeadline}).
 * Invariant: no phase waits on a client or a remote server past what is left of the grace; what is unfinished
 * by then is closed (connections) or given back (queue claims), never left half-claimed.
 */
package org.courriel.store.lifecycle;
