package org.courriel.imap.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLTransientConnectionException;

import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapRefusal;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.protocol.Status;
import org.courriel.store.StoreException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

class FailureMappingTest {

    @ParameterizedTest
    @CsvSource({
            "NOT_FOUND, NONEXISTENT",
            "ALREADY_EXISTS, ALREADYEXISTS",
            "OVER_QUOTA, OVERQUOTA",
            "INVALID, CANNOT",
            "NOT_ALLOWED, CANNOT",
            "STORAGE_FULL, OVERQUOTA",
            "UNAVAILABLE, UNAVAILABLE"})
    void storeRefusalsBecomeNoWithTheirCode(StoreException.Reason reason, ResponseCode code) {
        Completion c = FailureMapping.of(new StoreException(reason, "why"), "X");
        assertThat(c.status()).isEqualTo(Status.NO);
        assertThat(c.code()).isEqualTo(code.bare());
        assertThat(c.text()).isEqualTo("why");
    }

    @Test
    void syntaxIsBadRefusalIsNoAndBugIsServerbug() {
        assertThat(FailureMapping.of(new ImapSyntaxException("bad"), "X").status()).isEqualTo(Status.BAD);
        assertThat(FailureMapping.of(new ImapRefusal(ResponseCode.TRYCREATE, "no"), "X").code())
                .isEqualTo(ResponseCode.TRYCREATE.bare());
        Completion bug = FailureMapping.of(new IllegalStateException("boom"), "X");
        assertThat(bug.status()).isEqualTo(Status.NO);
        assertThat(bug.code()).isEqualTo(ResponseCode.SERVERBUG.bare());
        assertThat(bug.text()).doesNotContain("boom");
    }

    @Test
    void anUnavailableDatabaseIsNoUnavailableNotAServerBug() {
        Completion c = FailureMapping.of(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")), "SELECT");
        assertThat(c.status()).isEqualTo(Status.NO);
        assertThat(c.code()).isEqualTo(ResponseCode.UNAVAILABLE.bare());
    }

    @Test
    void aVanishedClientIsNotAnswered() {
        assertThatThrownBy(() -> FailureMapping.of(new UncheckedIOException(new IOException("reset")), "X"))
                .isInstanceOf(UncheckedIOException.class);
    }
}
