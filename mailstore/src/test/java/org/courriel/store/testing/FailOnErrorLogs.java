package org.courriel.store.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * Fails a test when the server logged an error while it ran: a bug on the server side, even one the test's
 * assertions did not notice (the session or worker lived on, but something threw). Every module's server tests
 * use it: {@code @ExtendWith(FailOnErrorLogs.class)} watches Courriel's own loggers; a field
 * {@code @RegisterExtension final FailOnErrorLogs errors = FailOnErrorLogs.anywhere()} watches every logger
 * (Spring's, Tomcat's), WARN with an exception included, as a web test wants. A test of how a bug is answered
 * calls {@link #expectErrors()}.
 */
public class FailOnErrorLogs implements BeforeEachCallback, AfterEachCallback {

    private final Predicate<ILoggingEvent> counts;
    private final List<ILoggingEvent> errors = new CopyOnWriteArrayList<>();
    private volatile boolean expected;
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (counts.test(event)) {
                errors.add(event);
            }
        }
    };

    /** ERROR from Courriel's loggers. */
    public FailOnErrorLogs() {
        this(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) && e.getLoggerName().startsWith("org.courriel"));
    }

    private FailOnErrorLogs(Predicate<ILoggingEvent> counts) {
        this.counts = counts;
    }

    /** ERROR from any logger, and WARN with an exception (how Spring reports an exception handler that failed in turn). */
    public static FailOnErrorLogs anywhere() {
        return new FailOnErrorLogs(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)
                || e.getLevel().isGreaterOrEqual(Level.WARN) && e.getThrowableProxy() != null);
    }

    /**
     * For the test that checks how a bug is answered: the errors logged so far ({@code logger: message}), and
     * none fails this test.
     */
    public List<String> expectErrors() {
        expected = true;
        return errors.stream().map(FailOnErrorLogs::describe).toList();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        errors.clear();
        expected = false;
        appender.setName("fail-on-error-logs");
        appender.setContext(root().getLoggerContext());
        appender.start();
        root().addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        root().detachAppender(appender);
        if (!expected && !errors.isEmpty()) {
            throw new AssertionError("errors logged by the server during the test:\n"
                    + String.join("\n", errors.stream().map(FailOnErrorLogs::describe).toList()));
        }
    }

    private static String describe(ILoggingEvent e) {
        return e.getLoggerName() + ": " + e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                : " (" + e.getThrowableProxy().getClassName() + ": " + e.getThrowableProxy().getMessage() + ")");
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
