package org.courriel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.courriel.store.testing.FailOnErrorLogs;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class FailOnErrorLogsTest {

    private static final Logger courriel = LoggerFactory.getLogger("org.courriel.store.testing.Probe");
    private static final Logger spring = LoggerFactory.getLogger("org.springframework.web.Probe");

    @Test
    void anErrorOfCourrielFailsTheTest() {
        FailOnErrorLogs watch = new FailOnErrorLogs();
        watch.beforeEach(null);
        courriel.error("IMAP {} failed", "SEARCH", new IllegalStateException("bug"));
        assertThatThrownBy(() -> watch.afterEach(null)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("IMAP SEARCH failed (java.lang.IllegalStateException: bug)");
    }

    @Test
    void warningsAndOthersErrorsDoNotCountByDefault() {
        FailOnErrorLogs watch = new FailOnErrorLogs();
        watch.beforeEach(null);
        courriel.warn("the database is unavailable", new IllegalStateException("down"));
        spring.error("a library's own trouble");
        assertThatCode(() -> watch.afterEach(null)).doesNotThrowAnyException();
    }

    @Test
    void anywhereCountsEveryLoggerAndWarningsWithAnException() {
        FailOnErrorLogs watch = FailOnErrorLogs.anywhere();
        watch.beforeEach(null);
        spring.warn("handler failed", new IllegalStateException("in turn"));
        assertThatThrownBy(() -> watch.afterEach(null)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("handler failed");
        watch.beforeEach(null);
        spring.warn("a plain warning");
        assertThatCode(() -> watch.afterEach(null)).doesNotThrowAnyException();
    }

    @Test
    void expectedErrorsAreReturnedAndDoNotFail() {
        FailOnErrorLogs watch = new FailOnErrorLogs();
        watch.beforeEach(null);
        courriel.error("IMAP SEARCH failed");
        assertThat(watch.expectErrors()).containsExactly("org.courriel.store.testing.Probe: IMAP SEARCH failed");
        assertThatCode(() -> watch.afterEach(null)).doesNotThrowAnyException();
        watch.beforeEach(null); // the next test expects none again
        courriel.error("another");
        assertThatThrownBy(() -> watch.afterEach(null)).isInstanceOf(AssertionError.class);
    }
}
