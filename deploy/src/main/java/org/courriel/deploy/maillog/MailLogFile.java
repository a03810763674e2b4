package org.courriel.deploy.maillog;

import java.nio.charset.StandardCharsets;

import org.courriel.mta.maillog.MailLog;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.Encoder;

/**
 * Sends the logger {@code courriel.maillog} to a file of its own when {@code courriel.maillog.file} is set, in
 * plain text with Spring Boot's file pattern or in one of Boot's structured formats.
 */
public class MailLogFile implements InitializingBean {

    /** Spring Boot's default file pattern, without colours. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p ${PID:- } --- [%t] %-40.40logger{39} : %m%n";

    private final MailLogProperties properties;

    public MailLogFile(MailLogProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.file() == null || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("courriel-maillog-file");
        appender.setFile(properties.file().toAbsolutePath().toString());
        appender.setAppend(true);
        appender.setEncoder(encoder(context));
        appender.start();
        Logger logger = context.getLogger(MailLog.LOGGER);
        logger.addAppender(appender);
        logger.setAdditive(properties.additive());
    }

    private Encoder<ILoggingEvent> encoder(LoggerContext context) {
        if (properties.format().equals("plain")) {
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern(PATTERN.replace("${PID:- }", String.valueOf(ProcessHandle.current().pid())));
            encoder.setCharset(StandardCharsets.UTF_8);
            encoder.start();
            return encoder;
        }
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(properties.format());
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
