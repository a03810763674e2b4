package org.courriel.sieve;

import java.util.List;

/** What a script can see of one message and its delivery. */
public interface SieveMessage {

    /** The values of every header field of that name, unfolded and RFC 2047-decoded, in order. */
    List<String> header(String name);

    /** The addresses ({@code local@domain}) in every header field of that name. */
    List<String> addresses(String name);

    /** The addresses of each header field of that name, one list per field, in order (RFC 5260 §6 :index). */
    default List<List<String>> addressFields(String name) {
        return List.of(addresses(name));
    }

    /** RFC 7352 §3: whether a message with this identifier key was delivered before, within its period. */
    default boolean seenBefore(String duplicateKey) {
        return false;
    }

    /** RFC 3685: the spam filter's verdict, or null when the message was not tested. */
    default SpamScore spamScore() {
        return null;
    }

    /** RFC 5260 §5: when the script runs, in the server's zone. */
    default java.time.ZonedDateTime now() {
        return java.time.ZonedDateTime.now();
    }

    /** MAIL FROM, "" for the null reverse-path. */
    String envelopeFrom();

    /** The RCPT TO this delivery is for, as given (with any +detail). */
    String envelopeTo();

    /** RFC 5228 §5.9: the size of the message in octets. */
    long size();

    /**
     * RFC 5173 §5: the body as {@code body} sees it; {@code types} only for {@link BodyText.Transform#CONTENT}.
     * Without the message's bytes, nothing.
     */
    default List<String> body(BodyText.Transform transform, List<String> types) {
        return List.of();
    }

    /** RFC 5490 §3.1: whether the recipient has that mailbox. */
    boolean mailboxExists(String name);
}
