package org.courriel.sieve;

/** One lexical token of a Sieve script (RFC 5228 §8.1), with the line it starts on. */
record Token(Kind kind, String text, long number, int line) {

    enum Kind { IDENTIFIER, TAG, NUMBER, STRING, LEFT_BRACKET, RIGHT_BRACKET, LEFT_PAREN, RIGHT_PAREN,
        LEFT_BRACE, RIGHT_BRACE, COMMA, SEMICOLON, END }

    boolean is(Kind k) {
        return kind == k;
    }
}
