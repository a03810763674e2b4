package org.courriel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database is unavailable for now" and which are bugs or refusals. */
class DatabaseUnavailableTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new CannotGetJdbcConnectionException("pool empty"), true),
                Arguments.of(new DataAccessResourceFailureException("I/O error"), true),
                Arguments.of(new CannotAcquireLockException("lock timeout"), true),
                Arguments.of(new CannotCreateTransactionException("Could not open JPA EntityManager",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")), true),
                Arguments.of(new IllegalStateException("wrapped", new SQLException("I/O error", "08006")), true),
                Arguments.of(new RuntimeException(new SQLException("terminating connection", "57P01")), true),
                Arguments.of(new RuntimeException(new SQLException("Database is already closed", "90098")), true),
                Arguments.of(new RuntimeException(new SQLException("No space left", "90100")), true),
                Arguments.of(new StoreException(StoreException.Reason.UNAVAILABLE, "could not commit"), true),
                Arguments.of(new RuntimeException("Unable to rollback against JDBC Connection",
                        new SQLException("Connection is closed")), true),
                Arguments.of(new StoreException(StoreException.Reason.OVER_QUOTA, "full"), false),
                Arguments.of(new DataIntegrityViolationException("duplicate key"), false),
                Arguments.of(new RuntimeException(new SQLException("syntax error", "42601")), false),
                Arguments.of(new SQLException("no state"), false),
                Arguments.of(new NullPointerException("a bug"), false));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void recognisesTemporaryDatabaseFailuresAnywhereInTheCauseChain(Throwable failure, boolean unavailable) {
        assertThat(DatabaseUnavailable.is(failure)).as(failure.toString()).isEqualTo(unavailable);
    }

    @Test
    void describesTheInnermostCause() {
        assertThat(DatabaseUnavailable.describe(new CannotCreateTransactionException("outer",
                new SQLTransientConnectionException("Connection is not available"))))
                .isEqualTo("SQLTransientConnectionException: Connection is not available");
    }
}
