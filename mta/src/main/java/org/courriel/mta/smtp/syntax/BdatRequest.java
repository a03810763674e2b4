package org.courriel.mta.smtp.syntax;

/**
 * A parsed BDAT command (RFC 3030 §2).
 *
 * @param size the chunk's length in octets
 * @param last whether the chunk is the message's last
 */
public record BdatRequest(long size, boolean last) {
}
