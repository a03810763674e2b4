package org.courriel.deploy.backup;

/** A restore that cannot be done as asked: a data directory in use or not empty, not a backup. */
public final class RestoreRefused extends RuntimeException {

    public RestoreRefused(String message) {
        super(message);
    }
}
