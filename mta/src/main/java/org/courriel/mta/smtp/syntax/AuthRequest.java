package org.courriel.mta.smtp.syntax;

/**
 * A parsed AUTH command (RFC 4954 §4).
 *
 * @param mechanism       the SASL mechanism, upper case
 * @param initialResponse the initial response, still base64; "" for the zero-length one ({@code =}); null when
 *                        none was given and the server must send a challenge first
 */
public record AuthRequest(String mechanism, String initialResponse) {
}
