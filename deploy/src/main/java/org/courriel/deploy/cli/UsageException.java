package org.courriel.deploy.cli;

/** Bad usage of the command line: the message, the usage text and exit code 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
