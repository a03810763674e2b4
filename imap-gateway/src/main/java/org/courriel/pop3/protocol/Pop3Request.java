package org.courriel.pop3.protocol;

import java.util.List;

/**
 * One command line (RFC 1939 §3): a keyword, upper-cased, and its arguments.
 *
 * @param keyword   the command name in upper case
 * @param arguments the arguments, split at spaces
 * @param rest      everything after the keyword and its space, verbatim (PASS takes a password that may hold
 *                  spaces, RFC 1939 §7)
 */
public record Pop3Request(String keyword, List<String> arguments, String rest) {

    public Pop3Request {
        arguments = List.copyOf(arguments);
    }
}
