package org.courriel.store.lifecycle;

import org.springframework.context.SmartLifecycle;

/**
 * A protocol's listeners as one lifecycle: started with the application, stopped first
 * ({@link ShutdownPhase#LISTENERS}), and stopped on a thread of their own, so that the SMTP and IMAP listeners,
 * in the same phase, drain at the same time: the node's listeners take one shutdown grace together, not one each.
 */
public interface ListenerLifecycle extends SmartLifecycle {

    /** The name of the thread that stops this group (for thread dumps). */
    String stopThreadName();

    @Override
    default void stop(Runnable callback) {
        Thread.ofVirtual().name(stopThreadName()).start(() -> {
            try {
                stop();
            } finally {
                callback.run();
            }
        });
    }

    /** The first to stop: no new sessions while the rest winds down. */
    @Override
    default int getPhase() {
        return ShutdownPhase.LISTENERS;
    }
}
