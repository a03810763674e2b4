package org.courriel.imap.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the arguments of one framed command (its lines and literals, as {@link CommandReader} assembled
 * them) by the grammar of RFC 9051 §9. Pure: bytes in, values out; every violation throws
 * {@link ImapSyntaxException}.
 */
public final class CommandParser {

    private final byte[] input;
    private int pos;

    public CommandParser(byte[] input) {
        this.input = input;
    }

    public static CommandParser of(String text) {
        return new CommandParser(text.getBytes(StandardCharsets.UTF_8));
    }

    public boolean atEnd() {
        return pos >= input.length;
    }

    /** The next byte without consuming it, or -1 at the end. */
    public int peek() {
        return pos < input.length ? input[pos] & 0xff : -1;
    }

    public boolean peekIs(char c) {
        return peek() == c;
    }

    public int next() {
        if (atEnd()) {
            throw new ImapSyntaxException("unexpected end of command");
        }
        return input[pos++] & 0xff;
    }

    public void expect(char c) {
        if (peek() != c) {
            throw new ImapSyntaxException("expected '" + c + "'" + where());
        }
        pos++;
    }

    /** Consumes {@code c} if it is next. */
    public boolean skip(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    public void sp() {
        expect(' ');
    }

    /** The command must have no more arguments. */
    public void end() {
        if (!atEnd()) {
            throw new ImapSyntaxException("unexpected characters" + where());
        }
    }

    /** Whether a case-insensitive keyword comes next (without consuming it). */
    public boolean peekKeyword(String keyword) {
        if (pos + keyword.length() > input.length) {
            return false;
        }
        for (int i = 0; i < keyword.length(); i++) {
            if (Character.toUpperCase(input[pos + i]) != Character.toUpperCase(keyword.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // RFC 9051 §9: ATOM-CHAR = <any CHAR except atom-specials>
    static boolean atomChar(int c) {
        return c > 0x20 && c < 0x7f && c != '(' && c != ')' && c != '{' && c != '%' && c != '*' && c != '"'
                && c != '\\' && c != ']';
    }

    /** An atom (RFC 9051 §9). */
    public String atom() {
        int start = pos;
        while (!atEnd() && atomChar(peek())) {
            pos++;
        }
        if (pos == start) {
            throw new ImapSyntaxException("expected an atom" + where());
        }
        return new String(input, start, pos - start, StandardCharsets.US_ASCII);
    }

    /** Characters up to a space, ')' or the end, whatever they are (sequence sets, fetch items). */
    public String token(String stops) {
        int start = pos;
        while (!atEnd() && peek() > 0x20 && stops.indexOf(peek()) < 0) {
            pos++;
        }
        if (pos == start) {
            throw new ImapSyntaxException("expected a value" + where());
        }
        return new String(input, start, pos - start, StandardCharsets.US_ASCII);
    }

    /** A flag: an atom, or a backslash followed by an atom (RFC 9051 §9 flag, flag-perm \*). */
    public String flag() {
        if (skip('\\')) {
            if (skip('*')) {
                return "\\*";
            }
            return "\\" + atom();
        }
        return atom();
    }

    /** A parenthesised list of flags, possibly empty. */
    public List<String> flagList() {
        expect('(');
        List<String> flags = new ArrayList<>();
        while (!skip(')')) {
            if (!flags.isEmpty()) {
                sp();
            }
            flags.add(flag());
        }
        return flags;
    }

    /** A list of flags with or without parentheses (STORE accepts both, RFC 9051 §9 store-att-flags). */
    public List<String> flags() {
        if (peekIs('(')) {
            return flagList();
        }
        List<String> flags = new ArrayList<>();
        flags.add(flag());
        while (peekIs(' ') && pos + 1 < input.length && (input[pos + 1] == '\\' || atomChar(input[pos + 1] & 0xff))) {
            sp();
            flags.add(flag());
        }
        return flags;
    }

    /**
     * astring: an atom (with ']' allowed), a quoted string or a literal, as UTF-8 text. Leniently, 8-bit
     * bytes are taken in atoms too: clients with UTF-8 enabled send names like {@code Réunions} unquoted.
     * RFC 9051 §9: {@code ~} is an ATOM-CHAR; an astring is never a literal8, so {@code ~foo} is an atom.
     */
    public String astring() {
        int c = peek();
        if (c == '"' || c == '{') {
            return string();
        }
        int start = pos;
        while (!atEnd() && (atomChar(peek()) || peek() == ']' || peek() >= 0x80)) {
            pos++;
        }
        if (pos == start) {
            throw new ImapSyntaxException("expected a string" + where());
        }
        return new String(input, start, pos - start, StandardCharsets.UTF_8);
    }

    /** string: a quoted string or a literal, as UTF-8 text. */
    public String string() {
        return new String(stringBytes(), StandardCharsets.UTF_8);
    }

    /** nstring: NIL or a string; null for NIL. */
    public String nstring() {
        if (peekKeyword("NIL")) {
            pos += 3;
            return null;
        }
        return string();
    }

    /** A quoted string or a literal as bytes (RFC 9051 §9 string: never a literal8, which only APPEND takes). */
    public byte[] stringBytes() {
        int c = peek();
        if (c == '"') {
            return quoted();
        }
        if (c == '{') {
            return literal();
        }
        throw new ImapSyntaxException("expected a string" + where());
    }

    private byte[] quoted() {
        expect('"');
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            int c = next();
            if (c == '"') {
                return out.toByteArray();
            }
            if (c == '\\') {
                c = next();
                // RFC 9051 §9: quoted-specials = DQUOTE / "\"
                if (c != '"' && c != '\\') {
                    throw new ImapSyntaxException("bad escape in quoted string");
                }
            } else if (c == '\r' || c == '\n' || c == 0) {
                throw new ImapSyntaxException("CR, LF or NUL in quoted string");
            }
            out.write(c);
        }
    }

    /** A literal {n}, {n+} or literal8 ~{n} (RFC 9051 §4.3, RFC 7888, RFC 3516): the framing put its bytes after the CRLF. */
    public byte[] literal() {
        skip('~');
        expect('{');
        long n = 0;
        int digits = 0;
        while (peek() >= '0' && peek() <= '9') {
            n = n * 10 + (next() - '0');
            if (++digits > 10) {
                throw new ImapSyntaxException("literal too long");
            }
        }
        if (digits == 0) {
            throw new ImapSyntaxException("bad literal size");
        }
        skip('+');
        expect('}');
        expect('\r');
        expect('\n');
        if (n > input.length - pos) {
            throw new ImapSyntaxException("literal shorter than announced");
        }
        byte[] bytes = java.util.Arrays.copyOfRange(input, pos, pos + (int) n);
        pos += (int) n;
        return bytes;
    }

    /** A number (RFC 9051 §9 number: 32 bits) or number64 when {@code max} allows. */
    public long number(long max) {
        long n = 0;
        int digits = 0;
        while (peek() >= '0' && peek() <= '9') {
            n = n * 10 + (next() - '0');
            if (++digits > 19 || n > max) {
                throw new ImapSyntaxException("number out of range");
            }
        }
        if (digits == 0) {
            throw new ImapSyntaxException("expected a number" + where());
        }
        return n;
    }

    public long number() {
        return number(0xFFFFFFFFL);
    }

    public SequenceSet sequenceSet() {
        return SequenceSet.parse(token(" )"));
    }

    /** A parenthesised list of astrings. */
    public List<String> astringList() {
        expect('(');
        List<String> values = new ArrayList<>();
        while (!skip(')')) {
            if (!values.isEmpty()) {
                sp();
            }
            values.add(astring());
        }
        return values;
    }

    /** The bytes not parsed yet. */
    public byte[] rest() {
        return java.util.Arrays.copyOfRange(input, pos, input.length);
    }

    private String where() {
        return " at position " + pos;
    }
}
