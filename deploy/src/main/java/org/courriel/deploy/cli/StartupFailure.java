package org.courriel.deploy.cli;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.courriel.store.DatabaseUnavailable;

/** One line that says why the command line's own context did not start: unknown host, refused, bad setting. */
final class StartupFailure {

    private static final int MAX_DEPTH = 16;

    private StartupFailure() {
    }

    static String describe(Throwable failure) {
        Throwable t = failure;
        SQLException sql = null;
        Throwable innermost = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof UnknownHostException e) {
                return "cannot open the database: unknown host " + e.getMessage();
            }
            if (t instanceof ConnectException e) {
                return "cannot open the database: " + e.getMessage();
            }
            if (sql == null && t instanceof SQLException e) {
                sql = e;
            }
            innermost = t;
        }
        if (sql != null) {
            return "cannot open the database: " + sql.getMessage().lines().findFirst().orElse("");
        }
        return "cannot start: " + String.valueOf(innermost.getMessage()).lines().findFirst().orElse("");
    }

    static ExitCode exitCode(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException || t instanceof SQLException) {
                return ExitCode.UNAVAILABLE;
            }
        }
        return DatabaseUnavailable.is(failure) ? ExitCode.UNAVAILABLE : ExitCode.FAILED;
    }
}
