package org.courriel.imap.session;

import java.util.concurrent.Semaphore;

import org.courriel.imap.config.ImapProperties;
import org.springframework.stereotype.Component;

/**
 * How many sessions of this node may compress at once ({@code courriel.imap.max-compressed-sessions}): each
 * compressing connection holds a fixed zlib state of about 300 KiB outside the heap, so the count bounds it.
 * A session takes a slot before it answers COMPRESS and gives it back when it ends.
 */
@Component
public class CompressionSlots {

    private final Semaphore slots;

    public CompressionSlots(ImapProperties properties) {
        this.slots = new Semaphore(properties.maxCompressedSessions());
    }

    /** Takes a slot at once, or false when all are taken. */
    boolean take() {
        return slots.tryAcquire();
    }

    void give() {
        slots.release();
    }
}
