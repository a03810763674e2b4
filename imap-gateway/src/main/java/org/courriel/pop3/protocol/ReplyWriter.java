package org.courriel.pop3.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes POP3 replies (RFC 1939 §3): status lines, the lines of multi-line replies and their end. */
public final class ReplyWriter {

    private final OutputStream out;

    public ReplyWriter(OutputStream out) {
        this.out = out;
    }

    /** {@code +OK text}. */
    public void ok(String text) throws IOException {
        write(text.isEmpty() ? "+OK" : "+OK " + text);
    }

    /** {@code -ERR [CODE] text}, the code left out when null (RFC 2449 §8). */
    public void err(ResponseCode code, String text) throws IOException {
        write(code == null ? "-ERR " + text : "-ERR [" + code.text() + "] " + text);
    }

    /** One line of a multi-line reply, dot-stuffed (RFC 1939 §3). */
    public void line(String text) throws IOException {
        write(text.startsWith(".") ? "." + text : text);
    }

    /** The line that ends a multi-line reply. */
    public void end() throws IOException {
        write(".");
    }

    /** A SASL challenge (RFC 5034 §4): {@code +} and the base64 text. */
    public void challenge(String base64) throws IOException {
        write(base64.isEmpty() ? "+ " : "+ " + base64);
    }

    /** A message's lines as a multi-line reply body and its end (RETR, TOP). */
    public void message(byte[] content, long bodyLines) throws IOException {
        MessageLines.write(content, bodyLines, out);
    }

    public void flush() throws IOException {
        out.flush();
    }

    private void write(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write('\n');
    }
}
