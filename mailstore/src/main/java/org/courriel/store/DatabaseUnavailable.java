package org.courriel.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises the failures that mean "the database cannot be reached or cannot write just now": a stopped or
 * restarting PostgreSQL, a pool with no connection to give, a lost connection, a full disk under H2. They
 * are not bugs. Each protocol answers them as temporary in its one failure mapping (SMTP 451 4.3.0, IMAP
 * {@code NO [UNAVAILABLE]}, HTTP 503 with Retry-After) and logs them at WARN without a stack trace.
 */
public final class DatabaseUnavailable {

    /** SQLSTATE classes of PostgreSQL and the standard: connection exception, insufficient resources, operator intervention. */
    private static final Set<String> STATE_CLASSES = Set.of("08", "53", "57");

    /**
     * H2's error codes (also its SQLSTATE) for a closed, broken or unwritable database: IO_EXCEPTION_1/2 (90028,
     * 90031), CONNECTION_BROKEN_1 (90067), DATABASE_IS_CLOSED (90098), NO_DISK_SPACE_AVAILABLE (90100),
     * DATABASE_CALLED_AT_SHUTDOWN (90121).
     */
    private static final Set<String> H2_STATES = Set.of("90028", "90031", "90067", "90098", "90100", "90121");

    /** Causes followed at most; a chain longer than this is not worth reading further. */
    private static final int MAX_DEPTH = 16;

    private DatabaseUnavailable() {
    }

    /** Whether the failure, or one of its causes, says the database is unavailable for now. */
    public static boolean is(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (matches(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** One line for the log: the innermost cause's class and message, the part that tells what happened. */
    public static String describe(Throwable failure) {
        Throwable innermost = failure;
        for (int depth = 0; innermost.getCause() != null && innermost.getCause() != innermost && depth < MAX_DEPTH;
                depth++) {
            innermost = innermost.getCause();
        }
        return innermost.getClass().getSimpleName() + ": " + innermost.getMessage();
    }

    private static boolean matches(Throwable t) {
        return switch (t) {
            case StoreException s -> s.reason() == StoreException.Reason.UNAVAILABLE;
            case DataAccessResourceFailureException e -> true; // includes CannotGetJdbcConnectionException
            case TransientDataAccessException e -> true; // lock timeouts, deadlocks, query timeouts: try again
            case RecoverableDataAccessException e -> true;
            case CannotCreateTransactionException e -> true; // no connection to begin with
            case SQLTransientException e -> true; // includes SQLTransientConnectionException (Hikari's timeout)
            case SQLNonTransientConnectionException e -> true;
            case SQLRecoverableException e -> true;
            case SQLException e -> unavailableState(e.getSQLState()) || closedByThePool(e);
            default -> false;
        };
    }

    /**
     * HikariCP's "Connection is closed", without SQLSTATE: the pool evicted the connection after it broke, and
     * the rollback that follows (which then hides the first failure) meets the closed proxy.
     */
    private static boolean closedByThePool(SQLException e) {
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
    }

    private static boolean unavailableState(String state) {
        if (state == null) {
            return false;
        }
        return H2_STATES.contains(state) || state.length() == 5 && STATE_CLASSES.contains(state.substring(0, 2));
    }
}
