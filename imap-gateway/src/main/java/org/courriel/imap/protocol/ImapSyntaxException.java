package org.courriel.imap.protocol;

/** A command that does not follow the grammar of RFC 9051 §9: answered with a tagged BAD, the session goes on. */
public class ImapSyntaxException extends RuntimeException {

    public ImapSyntaxException(String message) {
        super(message);
    }
}
