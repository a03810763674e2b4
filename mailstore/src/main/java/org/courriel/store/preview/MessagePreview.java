package org.courriel.store.preview;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.CharsetUtil;
import org.courriel.store.mime.MimeParsing;

/**
 * The preview text of a message (RFC 8970 §3.1 leaves the algorithm to the server): the first text part that is
 * not an attachment, text/plain preferred to text/html, with transfer encoding and charset undone (the result is
 * UTF-8 text, §3.1), HTML markup removed, every run of white space and control characters made one space, cut to
 * {@link #MAX_CHARACTERS} characters (the RFC's SHOULD of 200; never past its MUST of 256). Parts of attached
 * messages are not looked into. A message without text has the empty preview, never none.
 */
public final class MessagePreview {

    /** RFC 8970 §3.1: the server SHOULD keep a preview within 200 characters. */
    public static final int MAX_CHARACTERS = 200;

    /** The most decoded bytes read of one part: ample for 200 characters after markup, bounded for any part. */
    static final int MAX_PART_BYTES = 64 * 1024;

    private MessagePreview() {
    }

    /** The preview of a whole message (header and body); never null. */
    public static String of(byte[] message) {
        MimeTokenStream stream = new MimeTokenStream(MimeParsing.CONFIG, DecodeMonitor.SILENT,
                new DefaultBodyDescriptorBuilder());
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parse(new ByteArrayInputStream(message));
        String html = null;
        boolean attachment = false;
        try {
            for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
                if (s == EntityState.T_START_HEADER) {
                    attachment = false;
                } else if (s == EntityState.T_FIELD) {
                    Field f = stream.getField();
                    attachment |= f.getName().equalsIgnoreCase("Content-Disposition")
                            && f.getBody().strip().toLowerCase(Locale.ROOT).startsWith("attachment");
                } else if (s == EntityState.T_BODY && !attachment) {
                    BodyDescriptor d = stream.getBodyDescriptor();
                    if (!d.getMediaType().equalsIgnoreCase("text")) {
                        continue;
                    }
                    String subtype = d.getSubType().toLowerCase(Locale.ROOT);
                    if (subtype.equals("plain")) {
                        String text = collapse(decoded(stream.getDecodedInputStream(), d.getCharset()));
                        if (!text.isEmpty()) {
                            return text;
                        }
                    } else if (subtype.equals("html") && html == null) {
                        html = collapse(HtmlToText.of(decoded(stream.getDecodedInputStream(), d.getCharset())));
                    }
                }
            }
        } catch (IOException | MimeException | RuntimeException e) {
            // an odd message is previewed from what could be read of it
        }
        return html == null ? "" : html;
    }

    private static String decoded(InputStream in, String charset) throws IOException {
        byte[] bytes = in.readNBytes(MAX_PART_BYTES);
        return new String(bytes, charset(charset));
    }

    private static Charset charset(String name) {
        Charset c = name == null ? null : CharsetUtil.lookup(name);
        return c == null || name.equalsIgnoreCase("us-ascii") ? StandardCharsets.UTF_8 : c;
    }

    /**
     * White space and control characters collapsed to single spaces, trimmed, and cut to {@link #MAX_CHARACTERS}
     * code points (a surrogate pair is never split).
     */
    static String collapse(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARACTERS * 2));
        int count = 0;
        boolean space = false;
        for (int i = 0; i < text.length() && count < MAX_CHARACTERS; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)
                    || cp == 0xFFFD || cp == 0xFEFF) {
                space = !out.isEmpty();
                continue;
            }
            if (space) {
                out.append(' ');
                count++;
                space = false;
                if (count == MAX_CHARACTERS) {
                    break;
                }
            }
            out.appendCodePoint(cp);
            count++;
        }
        return out.toString().strip();
    }
}
