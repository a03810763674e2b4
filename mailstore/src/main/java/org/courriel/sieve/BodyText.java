package org.courriel.sieve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.CharsetUtil;
import org.courriel.store.mime.MimeParsing;

/**
 * The body text the {@code body} test compares (RFC 5173 §5), through the message's MIME structure. Pure:
 * bytes in, strings out; only the first {@link #MAX_BODY} bytes of a message are looked at.
 */
final class BodyText {

    /** Bytes of a message the body test reads; a longer message is judged on its beginning. */
    static final int MAX_BODY = 1024 * 1024;

    /** RFC 5173 §5: which text the test sees. */
    enum Transform { RAW, CONTENT, TEXT }

    private BodyText() {
    }

    /**
     * RFC 5173 §5.1 :raw, the body as sent, one string; §5.2 :content, the decoded content of every leaf part
     * whose type matches one of {@code types}; §5.3 :text, the text of every text/* part (HTML without tags).
     */
    static List<String> of(byte[] message, Transform transform, List<String> types) {
        int length = Math.min(message.length, MAX_BODY);
        if (transform == Transform.RAW) {
            int start = bodyStart(message, length);
            return List.of(new String(message, start, length - start, StandardCharsets.UTF_8));
        }
        List<String> out = new ArrayList<>();
        MimeTokenStream stream = new MimeTokenStream(MimeParsing.CONFIG, DecodeMonitor.SILENT,
                new DefaultBodyDescriptorBuilder());
        stream.setRecursionMode(RecursionMode.M_RECURSE); // RFC 5173 §5.2: message/rfc822 parts are looked into
        stream.parse(new ByteArrayInputStream(message, 0, length));
        try {
            for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
                if (s != EntityState.T_BODY) {
                    continue;
                }
                BodyDescriptor d = stream.getBodyDescriptor();
                String type = d.getMediaType().toLowerCase(Locale.ROOT);
                String subtype = d.getSubType().toLowerCase(Locale.ROOT);
                boolean wanted = transform == Transform.TEXT ? type.equals("text") : matches(type, subtype, types);
                if (wanted) {
                    String text = decoded(stream, d, type);
                    out.add(transform == Transform.TEXT && subtype.equals("html") ? HtmlText.of(text) : text);
                }
            }
        } catch (IOException | MimeException | RuntimeException e) {
            // An odd message is judged on what could be read of it.
        }
        return out;
    }

    // RFC 5173 §5.2: "" matches every type, "text" every text subtype, "text/html" that one.
    private static boolean matches(String type, String subtype, List<String> types) {
        for (String t : types) {
            String want = t.strip().toLowerCase(Locale.ROOT);
            int slash = want.indexOf('/');
            if (want.isEmpty() || (slash < 0 ? want.equals(type) : want.equals(type + "/" + subtype))) {
                return true;
            }
        }
        return false;
    }

    // RFC 5173 §5.2: transfer encoding undone; text converted from its charset.
    private static String decoded(MimeTokenStream stream, BodyDescriptor d, String type) throws IOException {
        byte[] bytes = stream.getDecodedInputStream().readAllBytes();
        return new String(bytes, type.equals("text") ? charset(d.getCharset()) : StandardCharsets.ISO_8859_1);
    }

    private static Charset charset(String name) {
        Charset c = name == null ? null : CharsetUtil.lookup(name);
        return c == null || name.equalsIgnoreCase("us-ascii") ? StandardCharsets.UTF_8 : c;
    }

    private static int bodyStart(byte[] m, int length) {
        for (int i = 0; i + 1 < length; i++) {
            if (m[i] == '\n' && m[i + 1] == '\n') {
                return i + 2;
            }
            if (m[i] == '\n' && m[i + 1] == '\r' && i + 2 < length && m[i + 2] == '\n') {
                return i + 3;
            }
        }
        return length;
    }
}
