package org.courriel.deploy.cli;

/** The admin command line's exit codes, the same whether a running server or the command itself did the work. */
public enum ExitCode {
    /** Done. */
    OK(0),
    /** Refused: a bad address, a duplicate, an unknown domain, account or queue entry. */
    REFUSED(1),
    /** Bad usage: an unknown command, a missing argument or option. */
    USAGE(2),
    /** The store cannot be reached: a wrong database URL, an unknown host, the server went away. */
    UNAVAILABLE(3),
    /** A fault in Courriel itself (reported with its stack trace on the server's log). */
    FAILED(4);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
