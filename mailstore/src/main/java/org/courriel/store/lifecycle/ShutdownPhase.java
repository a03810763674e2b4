package org.courriel.store.lifecycle;

import org.springframework.context.SmartLifecycle;

/**
 * The order in which a stopping node puts its parts down, as {@link SmartLifecycle} phases: Spring stops the
 * highest phase first and waits for it before the next. Every component that takes part names its phase here
 * and nowhere else, so the order reads in one place:
 * <ol>
 * <li>{@link #LISTENERS}: every SMTP and IMAP listener stops accepting and tells its sessions, all in parallel;
 * a session finishes its transaction or command (SMTP 421 4.3.2, IMAP {@code * BYE} after it), for at most
 * the grace.</li>
 * <li>{@link #QUEUE}: the outbound queue workers stop claiming, let deliveries on the wire finish for what
 * is left of the grace, abandon the others and release every claim they hold, so another node takes the
 * recipients at once instead of after the lease.</li>
 * <li>{@link #STORE}: the group committer commits and syncs the batch it holds, then stops.</li>
 * <li>{@link #EVENTS}: the change bus stops, after the events of the last batches went out.</li>
 * <li>{@link #DATABASE}: the embedded H2 database compacts its file and closes, once nothing writes.</li>
 * </ol>
 * The web server's own graceful shutdown runs between {@link #QUEUE} and {@link #STORE} (Spring Boot's
 * phases), so a REST request in flight still commits.
 */
public final class ShutdownPhase {

    /** Protocol listeners: stop first, since they bring new work. */
    public static final int LISTENERS = SmartLifecycle.DEFAULT_PHASE;
    /** Outbound queue workers: after the sessions, which may still queue mail, and before the store. */
    public static final int QUEUE = SmartLifecycle.DEFAULT_PHASE - 1000;
    /** The group committer: after everything that writes through it. */
    public static final int STORE = Integer.MIN_VALUE + 1000;
    /** The change bus: last, so the events of the final commits are published. */
    public static final int EVENTS = Integer.MIN_VALUE + 500;
    /** The embedded database's compaction: the very last, when nothing uses the store any more. */
    public static final int DATABASE = Integer.MIN_VALUE + 100;

    private ShutdownPhase() {
    }
}
