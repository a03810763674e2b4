package org.courriel.mta.smtp.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Protocol limits shared by every SMTP listener ({@code courriel.smtp.*}). Changes take effect on restart.
 *
 * @param maxCommandLine    longest command line in octets, CRLF excluded (RFC 5321 §4.5.3.1.4 sets 512 as the
 *                          minimum; extension parameters such as ORCPT and SMTPUTF8 addresses need more)
 * @param maxMessageSize    largest message accepted, advertised in EHLO SIZE and enforced at MAIL and while
 *                          reading (RFC 1870)
 * @param maxRecipients     recipients per message; further RCPT get 452 4.5.3 (RFC 5321 §4.5.3.1.8 minimum 100)
 * @param maxErrors         failed commands (5xx replies) in one session before 421 4.7.0 and disconnect
 * @param commandTimeout    how long the server waits for the next command line, in total: a line dribbled a byte
 *                          at a time must still be complete by then (RFC 5321 §4.5.3.2.7: at least 5 min)
 * @param dataTimeout       how long the server waits for the next block of DATA or BDAT content (§4.5.3.2.5),
 *                          and the time budget of a whole DATA content or BDAT chunk before the minimum rate
 * @param minDataRate       bytes per second that DATA content and BDAT chunks must sustain: each byte received adds
 *                          its time to the data timeout's budget (as Postfix's smtpd_min_data_rate); a slower
 *                          transfer is cut with 421 4.4.2
 * @param maxContentInFlight message content that all SMTP sessions of this node (every listener) may hold in memory
 *                          at once while reading DATA or BDAT and storing it; a session that finds no room within
 *                          {@code contentBudgetWait} has its message refused with 452 4.3.1, so that many large
 *                          messages at once cannot run the heap out (each session alone is bounded by maxMessageSize)
 * @param contentBudgetWait how long a session waits for room in that budget before its message is refused
 * @param allowPlaintextAuthOnLoopback offer AUTH and skip the STARTTLS requirement of submission for clients on
 *                          127.0.0.0/8 or ::1 (local webmail or scripts); never for other addresses
 */
@ConfigurationProperties("courriel.smtp")
public record SmtpProperties(
        @DefaultValue("2048") int maxCommandLine,
        @DefaultValue("50MB") DataSize maxMessageSize,
        @DefaultValue("100") int maxRecipients,
        @DefaultValue("20") int maxErrors,
        @DefaultValue("5m") Duration commandTimeout,
        @DefaultValue("3m") Duration dataTimeout,
        @DefaultValue("500B") DataSize minDataRate,
        @DefaultValue("512MB") DataSize maxContentInFlight,
        @DefaultValue("5s") Duration contentBudgetWait,
        @DefaultValue("false") boolean allowPlaintextAuthOnLoopback) {

    public SmtpProperties {
        if (maxCommandLine < 512) {
            throw new IllegalArgumentException("courriel.smtp.max-command-line must be at least 512 (RFC 5321 §4.5.3.1.4)");
        }
        if (maxRecipients < 1 || maxErrors < 1) {
            throw new IllegalArgumentException("courriel.smtp.max-recipients and max-errors must be at least 1");
        }
        if (maxContentInFlight.toBytes() < maxMessageSize.toBytes()) {
            throw new IllegalArgumentException("courriel.smtp.max-content-in-flight must be at least max-message-size");
        }
        if (minDataRate.toBytes() < 1) {
            throw new IllegalArgumentException("courriel.smtp.min-data-rate must be at least 1B");
        }
    }
}
