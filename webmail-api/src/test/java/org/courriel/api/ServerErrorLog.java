package org.courriel.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Errors logged anywhere in the server (ours, Spring's, Tomcat's) while a test runs: ERROR, and WARN with an
 * exception (how Spring reports an exception handler that failed in turn).
 */
final class ServerErrorLog {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    void start() {
        logged.list.clear();
        logged.start();
        root().addAppender(logged);
    }

    void assertNone() {
        root().detachAppender(logged);
        assertThat(logged.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)
                        || e.getLevel().isGreaterOrEqual(Level.WARN) && e.getThrowableProxy() != null)
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()))
                .as("errors logged by the server").isEmpty();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    }
}
