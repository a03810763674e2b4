package org.courriel.store.mime;

import org.apache.james.mime4j.stream.MimeConfig;

/**
 * The one Mime4j configuration every reader of stored messages uses: the summary at append time
 * ({@link MessageParser}), the sections FETCH returns and the text SEARCH compares. Part numbers (RFC 9051
 * §6.4.5 BODY[1.2]) are only stable if all of them split a message the same way, so there is one.
 * <p>
 * Lenient and unbounded: the message was accepted within the protocol's size limit and must be read as the
 * client sent it, so no line, header or content limit of Mime4j's applies here.
 */
public final class MimeParsing {

    public static final MimeConfig CONFIG = new MimeConfig.Builder()
            .setMaxLineLen(-1)
            .setMaxHeaderLen(-1)
            .setMaxHeaderCount(-1)
            .setMaxContentLen(-1)
            .setStrictParsing(false)
            // A malformed header line (an mbox From_ line, a broken fold) is skipped, so the header ends at the
            // first empty line as HeaderSection says; starting the body there made Mime4j drop the next line,
            // giving part sizes that match no bytes of the message.
            .setMalformedHeaderStartsBody(false)
            .build();

    private MimeParsing() {
    }
}
