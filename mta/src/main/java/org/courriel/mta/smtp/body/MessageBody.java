package org.courriel.mta.smtp.body;

/**
 * What was read of a message's content.
 *
 * @param content          the bytes kept (empty when {@code tooBig})
 * @param size             the bytes the client sent, counted even past the limit
 * @param tooBig           the content passed the size limit; it was read to its end and dropped (RFC 1870 §6.3)
 * @param bareLineEnding   a CR not followed by LF, or an LF not preceded by CR, occurred (RFC 5321 §2.3.8)
 * @param overBudget       the node's content budget had no room for it: read to its end and dropped, to be refused
 *                         as temporary
 */
public record MessageBody(byte[] content, long size, boolean tooBig, boolean bareLineEnding, boolean overBudget) {
}
