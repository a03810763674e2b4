package org.courriel.managesieve.protocol;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.courriel.access.net.LineReader;
import org.courriel.access.net.LineTooLongException;

/**
 * Reads one command (RFC 5804 §4): an atom, then atoms, quoted strings and literals ({@code {n+}} or
 * {@code {n}}, both read without a continuation: RFC 5804 clients send non-synchronizing literals). Every
 * line and every literal is bounded; a literal past its bound is refused before a byte of it is read.
 */
public final class RequestReader {

    private final LineReader lines;
    private final int maxLine;

    public RequestReader(LineReader lines, int maxLine) {
        this.lines = lines;
        this.maxLine = maxLine;
    }

    /**
     * @param maxLiteral largest literal accepted now (smaller before login)
     * @return the request, or null at end of stream
     */
    public Request read(long maxLiteral) throws IOException, ManageSieveSyntaxException {
        List<String> words = words(maxLiteral);
        if (words == null) {
            return null;
        }
        if (words.isEmpty()) {
            throw new ManageSieveSyntaxException("empty command");
        }
        return new Request(words.getFirst(), words.subList(1, words.size()));
    }

    /**
     * One client response of a SASL exchange (RFC 5804 §2.1): the string, "*" to cancel, or null at end of
     * stream.
     */
    public String saslResponse(long maxLiteral) throws IOException, ManageSieveSyntaxException {
        List<String> words = words(maxLiteral);
        if (words == null) {
            return null;
        }
        if (words.size() != 1) {
            throw new ManageSieveSyntaxException("expected one string");
        }
        return words.getFirst();
    }

    private List<String> words(long maxLiteral) throws IOException, ManageSieveSyntaxException {
        String line = line();
        if (line == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        int pos = 0;
        while (true) {
            while (pos < line.length() && line.charAt(pos) == ' ') {
                pos++;
            }
            if (pos >= line.length()) {
                break;
            }
            char c = line.charAt(pos);
            if (c == '"') {
                StringBuilder b = new StringBuilder();
                pos++;
                while (true) {
                    if (pos >= line.length()) {
                        throw new ManageSieveSyntaxException("unterminated quoted string");
                    }
                    char q = line.charAt(pos++);
                    if (q == '"') {
                        break;
                    }
                    if (q == '\\' && pos < line.length()) {
                        q = line.charAt(pos++);
                    }
                    b.append(q);
                }
                words.add(b.toString());
            } else if (c == '{') {
                int close = line.indexOf('}', pos);
                if (close != line.length() - 1) {
                    throw new ManageSieveSyntaxException("a literal must end its line");
                }
                String n = line.substring(pos + 1, close);
                if (n.endsWith("+")) {
                    n = n.substring(0, n.length() - 1);
                }
                long size;
                try {
                    size = Long.parseLong(n);
                } catch (NumberFormatException e) {
                    throw new ManageSieveSyntaxException("bad literal length");
                }
                if (size < 0 || size > maxLiteral) {
                    // The literal is not read: the rest of the input cannot be told from commands (RFC 5804 §4).
                    throw new ManageSieveSyntaxException("literal larger than " + maxLiteral + " bytes", true);
                }
                words.add(new String(literal((int) size), StandardCharsets.UTF_8));
                line = line();
                if (line == null) {
                    throw new EOFException();
                }
                pos = 0;
            } else {
                int end = line.indexOf(' ', pos);
                end = end < 0 ? line.length() : end;
                words.add(line.substring(pos, end));
                pos = end;
            }
        }
        return words;
    }

    private String line() throws IOException, ManageSieveSyntaxException {
        try {
            byte[] bytes = lines.readLine(maxLine);
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        } catch (LineTooLongException e) {
            throw new ManageSieveSyntaxException("line longer than " + maxLine + " bytes");
        }
    }

    private byte[] literal(int size) throws IOException {
        InputStream in = lines.stream();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(size, 65536));
        byte[] buffer = new byte[8192];
        int left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException();
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        return out.toByteArray();
    }
}
