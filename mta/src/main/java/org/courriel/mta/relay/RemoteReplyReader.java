package org.courriel.mta.relay;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads replies from a server stream with bounds on the length of a line and on the lines of a reply, so a
 * hostile or broken server cannot make the client buffer without limit. Bytes in, records out: the socket
 * and its timeouts belong to the caller.
 */
public final class RemoteReplyReader {

    private final InputStream in;
    private final int maxLineLength;
    private final int maxLines;

    public RemoteReplyReader(InputStream in, int maxLineLength, int maxLines) {
        this.in = in;
        this.maxLineLength = maxLineLength;
        this.maxLines = maxLines;
    }

    /**
     * Reads one reply, single or multi-line (RFC 5321 §4.2.1: {@code 250-text} continues, {@code 250 text}
     * ends it).
     *
     * @throws SmtpProtocolException a malformed or too long reply
     * @throws EOFException          the server closed the connection
     */
    public RemoteReply read() throws IOException {
        List<String> lines = new ArrayList<>();
        int code = -1;
        while (true) {
            String line = readLine();
            if (line.length() < 3 || !isCode(line)) {
                throw new SmtpProtocolException("malformed reply line: " + printable(line));
            }
            int lineCode = Integer.parseInt(line.substring(0, 3));
            if (code != -1 && lineCode != code) {
                throw new SmtpProtocolException("reply code changed inside a multi-line reply: " + printable(line));
            }
            code = lineCode;
            char separator = line.length() > 3 ? line.charAt(3) : ' ';
            if (separator != ' ' && separator != '-') {
                throw new SmtpProtocolException("malformed reply line: " + printable(line));
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (separator == ' ') {
                return RemoteReply.of(code, lines);
            }
            if (lines.size() >= maxLines) {
                throw new SmtpProtocolException("reply longer than " + maxLines + " lines");
            }
        }
    }

    private static boolean isCode(String line) {
        return line.charAt(0) >= '2' && line.charAt(0) <= '5'
                && Character.isDigit(line.charAt(1)) && Character.isDigit(line.charAt(2));
    }

    /** A line without its CRLF; a bare LF is accepted as the end of a line too (robustness, RFC 5321 §4.1.1.4). */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b == -1) {
                throw new EOFException("connection closed by the server");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.UTF_8);
            }
            if (line.size() >= maxLineLength) {
                throw new SmtpProtocolException("reply line longer than " + maxLineLength + " bytes");
            }
            line.write(b);
        }
    }

    private static String printable(String line) {
        String cut = line.length() > 80 ? line.substring(0, 80) + "..." : line;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
