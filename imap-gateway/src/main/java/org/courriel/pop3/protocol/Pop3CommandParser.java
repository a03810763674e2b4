package org.courriel.pop3.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a command line without its CRLF into a {@link Pop3Request}. Pure: bytes in, a record out.
 * <p>
 * RFC 1939 §3: a case-insensitive keyword of 3 or 4 characters (RFC 2449 §3), then arguments separated by
 * spaces. Arguments are split at each run of spaces, a lenient reading of "a single SPACE" that costs nothing.
 * Control characters are refused (a NUL has no place in any POP3 argument); octets past US-ASCII are
 * read as UTF-8, for passwords.
 */
public final class Pop3CommandParser {

    private Pop3CommandParser() {
    }

    public static Pop3Request parse(byte[] line) {
        String text = decode(line);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new Pop3SyntaxException("Control character in command line");
            }
        }
        int space = text.indexOf(' ');
        String keyword = space < 0 ? text : text.substring(0, space);
        if (keyword.length() < 3 || keyword.length() > 4 || !keyword.chars().allMatch(Pop3CommandParser::isLetter)) {
            throw new Pop3SyntaxException(keyword.isEmpty() ? "Empty command" : "Not a POP3 command");
        }
        String rest = space < 0 ? "" : text.substring(space + 1);
        List<String> arguments = new ArrayList<>();
        for (String part : rest.split(" ")) {
            if (!part.isEmpty()) {
                arguments.add(part);
            }
        }
        return new Pop3Request(keyword.toUpperCase(Locale.ROOT), arguments, rest);
    }

    private static boolean isLetter(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static String decode(byte[] line) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            throw new Pop3SyntaxException("Command line is not UTF-8");
        }
    }
}
