package org.courriel.mta.maillog;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail log: one line per message event under the logger {@code courriel.maillog}, each starting with the
 * message's queue id, which SMTP intake, local delivery, the outbound queue and its notifications share, so
 * that one id (or {@code courriel log}) answers "what became of this message", like Postfix's log:
 * <pre>
 * 7KQ2M9XJ4TZA: from=&lt;alice@example.com&gt;, size=1234, nrcpt=2, client=unknown[192.0.2.7], helo=&lt;mx.example.com&gt;, tls=TLSv1.3, auth=&lt;&gt;, message-id=&lt;1@example.com&gt;
 * 7KQ2M9XJ4TZA: to=&lt;bob@example.org&gt;, mailbox=INBOX, status=delivered
 * 7KQ2M9XJ4TZA: to=&lt;carol@example.net&gt;, status=queued
 * 7KQ2M9XJ4TZA: to=&lt;carol@example.net&gt;, relay=mx.example.net[192.0.2.9]:25, delay=2.1, attempts=1, dsn=2.0.0, status=sent (250 2.0.0 Ok)
 * </pre>
 * Every value a client chose is cleaned of control characters and bounded, so that no client can forge a
 * line. Failed logins are logged by {@code org.courriel.access.auth.LoginLog} under the same logger.
 */
public final class MailLog {

    /** The logger's name: route it to a file of its own with {@code courriel.maillog.file}. */
    public static final String LOGGER = "courriel.maillog";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final String ID_ALPHABET = "0123456789BCDFGHJKLMNPQRSTVWXZ";
    private static final int ID_LENGTH = 12;
    /** Longest value written; a longer one is cut with "...". */
    static final int MAX_VALUE = 200;

    private MailLog() {
    }

    /** A new queue id: 12 characters of digits and consonants (no words, no look-alikes of vowels). */
    public static String newQueueId() {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    /** A message accepted: its envelope sender, size, recipients' count, origin and Message-ID. */
    public static void received(String id, String sender, byte[] message, int recipients, MailOrigin origin) {
        log.info("{}: from=<{}>, size={}, nrcpt={}, client={}{}{}{}, message-id=<{}>", id, clean(sender), message.length,
                recipients, clean(origin.client()),
                origin.helo() == null ? "" : ", helo=<" + clean(origin.helo()) + ">",
                origin.tls() == null ? "" : ", tls=" + clean(origin.tls()),
                origin.auth() == null ? "" : ", auth=<" + clean(origin.auth()) + ">",
                clean(MessageIdField.of(message)));
    }

    /** A copy stored in a local mailbox; {@code originalRecipient} when an alias led there, else null. */
    public static void delivered(String id, String account, String originalRecipient, String mailbox) {
        log.info("{}: to=<{}>,{} mailbox={}, status=delivered", id, clean(account),
                originalRecipient == null ? "" : " orig_to=<" + clean(originalRecipient) + ">,", clean(mailbox));
    }

    /** A recipient handed to the outbound queue. */
    public static void queued(String id, String recipient) {
        log.info("{}: to=<{}>, status=queued", id, clean(recipient));
    }

    /** What became of one delivery attempt of the outbound queue. */
    public enum Status { SENT, DEFERRED, BOUNCED, EXPIRED }

    /**
     * One attempt of the outbound queue.
     *
     * @param relay the server that answered, or null when none was reached
     * @param delay since the message was queued
     * @param dsn   the enhanced status code (RFC 3463), e.g. {@code 2.0.0}
     * @param reply the reply that decided, e.g. {@code 250 2.0.0 Ok}
     */
    public static void attempt(String id, String recipient, String relay, Duration delay, int attempts, String dsn,
            Status status, String reply) {
        log.info("{}: to=<{}>, relay={}, delay={}, attempts={}, dsn={}, status={} ({})", id, clean(recipient),
                relay == null ? "none" : clean(relay).replace(" [", "["), String.format(Locale.ROOT, "%.1f", delay.toMillis() / 1000.0),
                attempts, clean(dsn), status.name().toLowerCase(Locale.ROOT), clean(reply));
    }

    /** A delivery status notification sent to the envelope sender of message {@code id}. */
    public static void notified(String id, String sender, String action) {
        log.info("{}: sender {} notification to=<{}>", id, clean(action).toLowerCase(Locale.ROOT), clean(sender));
    }

    /**
     * A notification that is not sent because the envelope sender is not known to be genuine (no backscatter,
     * issue 12): the failure is in the mail log alone.
     */
    public static void notificationSuppressed(String id, String sender, String action) {
        log.info("{}: sender {} notification to=<{}> not sent: sender not verified (no backscatter)", id,
                clean(action).toLowerCase(Locale.ROOT), clean(sender));
    }

    /** Without control characters (CR, LF: no forged lines), {@code <>} and commas kept, at most MAX_VALUE. */
    public static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_VALUE + 3));
        for (int i = 0; i < value.length() && out.length() < MAX_VALUE; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (value.length() > MAX_VALUE) {
            out.append("...");
        }
        return out.toString();
    }
}
