package org.courriel.managesieve.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes ManageSieve responses (RFC 5804 §1.2, §4); strings quoted when they can be, else as literals. */
public final class ResponseWriter {

    private final OutputStream out;

    public ResponseWriter(OutputStream out) {
        this.out = out;
    }

    public void ok(String text) throws IOException {
        status("OK", null, text);
    }

    public void ok(ResponseCode code, String text) throws IOException {
        status("OK", code, text);
    }

    /** RFC 5804 §2.11.4: NOOP's tag echoed in a TAG response code. */
    public void okTagged(String tag, String text) throws IOException {
        line("OK (TAG " + string(tag) + ") " + string(text));
        out.flush();
    }

    public void no(ResponseCode code, String text) throws IOException {
        status("NO", code, text);
    }

    public void bye(String text) throws IOException {
        status("BYE", null, text);
    }

    private void status(String kind, ResponseCode code, String text) throws IOException {
        StringBuilder b = new StringBuilder(kind);
        if (code != null) {
            b.append(" (").append(code.text()).append(')');
        }
        if (text != null) {
            b.append(' ').append(string(text));
        }
        line(b.toString());
        out.flush();
    }

    /** A response line as given, CRLF added. */
    public void line(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write('\n');
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** RFC 5804 §4: a quoted string when it has no CR, LF or NUL and is short; otherwise a literal. */
    public static String string(String s) {
        boolean quotable = s.length() <= 1024 && s.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0);
        if (quotable) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return "{" + s.getBytes(StandardCharsets.UTF_8).length + "}\r\n" + s;
    }
}
