package org.courriel.sieve;

import java.util.ArrayList;
import java.util.List;

/** Splits a script into tokens (RFC 5228 §8.1); comments and white space are dropped. Pure. */
final class Lexer {

    private final String src;
    private int pos;
    private int line = 1;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokens(String script) throws SieveSyntaxException {
        return new Lexer(script).all();
    }

    private List<Token> all() throws SieveSyntaxException {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= src.length()) {
                out.add(new Token(Token.Kind.END, "", 0, line));
                return out;
            }
            out.add(next());
        }
    }

    private Token next() throws SieveSyntaxException {
        char c = src.charAt(pos);
        int at = line;
        switch (c) {
            case '[' -> { pos++; return new Token(Token.Kind.LEFT_BRACKET, "[", 0, at); }
            case ']' -> { pos++; return new Token(Token.Kind.RIGHT_BRACKET, "]", 0, at); }
            case '(' -> { pos++; return new Token(Token.Kind.LEFT_PAREN, "(", 0, at); }
            case ')' -> { pos++; return new Token(Token.Kind.RIGHT_PAREN, ")", 0, at); }
            case '{' -> { pos++; return new Token(Token.Kind.LEFT_BRACE, "{", 0, at); }
            case '}' -> { pos++; return new Token(Token.Kind.RIGHT_BRACE, "}", 0, at); }
            case ',' -> { pos++; return new Token(Token.Kind.COMMA, ",", 0, at); }
            case ';' -> { pos++; return new Token(Token.Kind.SEMICOLON, ";", 0, at); }
            case '"' -> { return quoted(); }
            case ':' -> {
                pos++;
                String name = identifier();
                if (name.isEmpty()) {
                    throw new SieveSyntaxException(at, "a tag needs a name after ':'");
                }
                return new Token(Token.Kind.TAG, name.toLowerCase(java.util.Locale.ROOT), 0, at);
            }
            default -> {
                if (c >= '0' && c <= '9') {
                    return number();
                }
                if (src.startsWith("text:", pos)) {
                    return multiLine();
                }
                String name = identifier();
                if (name.isEmpty()) {
                    throw new SieveSyntaxException(at, "unexpected character '" + c + "'");
                }
                return new Token(Token.Kind.IDENTIFIER, name.toLowerCase(java.util.Locale.ROOT), 0, at);
            }
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            boolean digit = c >= '0' && c <= '9';
            if (!letter && !(digit && pos > start)) {
                break;
            }
            pos++;
        }
        return src.substring(start, pos);
    }

    // RFC 5228 §2.4.1: a number with an optional K, M or G quantifier.
    private Token number() throws SieveSyntaxException {
        int at = line;
        int start = pos;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        long value;
        try {
            value = Long.parseLong(src.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new SieveSyntaxException(at, "number too large");
        }
        if (pos < src.length()) {
            int shift = switch (Character.toUpperCase(src.charAt(pos))) {
                case 'K' -> 10;
                case 'M' -> 20;
                case 'G' -> 30;
                default -> 0;
            };
            if (shift > 0) {
                pos++;
                if (value > (Long.MAX_VALUE >> shift)) {
                    throw new SieveSyntaxException(at, "number too large");
                }
                value <<= shift;
            }
        }
        return new Token(Token.Kind.NUMBER, src.substring(start, pos), value, at);
    }

    // RFC 5228 §2.4.2: in a quoted string only \" and \\ mean something; any other \ is dropped.
    private Token quoted() throws SieveSyntaxException {
        int at = line;
        pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new SieveSyntaxException(at, "unterminated string");
            }
            char c = src.charAt(pos++);
            if (c == '"') {
                return new Token(Token.Kind.STRING, b.toString(), 0, at);
            }
            if (c == '\\' && pos < src.length()) {
                c = src.charAt(pos++);
            }
            if (c == '\n') {
                line++;
            }
            b.append(c);
        }
    }

    // RFC 5228 §2.4.2: text: up to a line holding a single dot; a leading dot of a line is doubled.
    private Token multiLine() throws SieveSyntaxException {
        int at = line;
        pos += "text:".length();
        while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) {
            pos++;
        }
        if (pos < src.length() && src.charAt(pos) == '#') {
            while (pos < src.length() && src.charAt(pos) != '\n') {
                pos++;
            }
        }
        if (src.startsWith("\r\n", pos)) {
            pos += 2;
        } else if (pos < src.length() && src.charAt(pos) == '\n') {
            pos++;
        } else {
            throw new SieveSyntaxException(at, "text: must be followed by a line break");
        }
        line++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new SieveSyntaxException(at, "multi-line string without its closing '.' line");
            }
            int end = src.indexOf('\n', pos);
            String l = end < 0 ? src.substring(pos) : src.substring(pos, end);
            pos = end < 0 ? src.length() : end + 1;
            line++;
            String content = l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
            if (content.equals(".")) {
                return new Token(Token.Kind.STRING, b.toString(), 0, at);
            }
            if (content.startsWith("..")) {
                content = content.substring(1);
            }
            b.append(content).append("\r\n");
        }
    }

    private void skipSpaceAndComments() throws SieveSyntaxException {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (src.startsWith("/*", pos)) {
                int at = line;
                int end = src.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new SieveSyntaxException(at, "unterminated comment");
                }
                line += (int) src.substring(pos, end).chars().filter(ch -> ch == '\n').count();
                pos = end + 2;
            } else {
                return;
            }
        }
    }
}
