package org.courriel.deploy.crash;

import java.util.Random;

/**
 * One client session of the crash load: it sends distinct messages to one port until the server dies, each
 * recorded in the ledger before it goes out and again once the server took responsibility for it.
 */
abstract class LoadSession implements Runnable {

    /** The n-th message of a session: its bytes, and what the ledger records of it. */
    record Next(byte[] bytes, LoadMessage entry) {
    }

    protected final int port;
    protected final Ledger ledger;
    private final String prefix;
    private final Random random;

    LoadSession(int port, String prefix, long seed, Ledger ledger) {
        this.port = port;
        this.prefix = prefix;
        this.ledger = ledger;
        this.random = new Random(seed);
    }

    /** The {@code n}-th message of this session, its Message-ID made of the session's prefix and {@code n}. */
    protected Next message(int n) {
        String id = prefix + "-" + n;
        byte[] bytes = LoadMessage.build(id, random);
        return new Next(bytes, LoadMessage.of(id, bytes));
    }
}
