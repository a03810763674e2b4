package org.courriel.deploy.maillog;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The mail log ({@code courriel.maillog.*}): the lines of logger {@code courriel.maillog}. Changes take effect
 * on restart.
 *
 * @param file      also write the mail log to this file (none by default: it is in the standard log output,
 *                  and in {@code logging.file.name} when that is set); {@code courriel log} reads this file,
 *                  else {@code logging.file.name}
 * @param format    of that file: {@code plain} (Spring Boot's file pattern) or a structured format of Spring
 *                  Boot's, {@code ecs}, {@code logstash} or {@code gelf} (one JSON document a line)
 * @param additive  also write the mail log to the standard log output when {@code file} is set
 * @param maxScan   how much of the end of the log file {@code courriel log} reads at most
 * @param maxLines  most lines {@code courriel log} prints
 */
@ConfigurationProperties("courriel.maillog")
public record MailLogProperties(
        Path file,
        @DefaultValue("plain") String format,
        @DefaultValue("true") boolean additive,
        @DefaultValue("1GB") DataSize maxScan,
        @DefaultValue("1000") int maxLines) {

    public MailLogProperties {
        if (!java.util.Set.of("plain", "ecs", "logstash", "gelf").contains(format)) {
            throw new IllegalArgumentException("courriel.maillog.format is plain, ecs, logstash or gelf");
        }
        if (maxLines < 1 || maxScan.toBytes() < 1) {
            throw new IllegalArgumentException("courriel.maillog: max-lines and max-scan must be positive");
        }
    }
}
