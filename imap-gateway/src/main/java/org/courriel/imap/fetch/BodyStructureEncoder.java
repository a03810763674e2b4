package org.courriel.imap.fetch;

import java.util.List;
import java.util.Locale;

import org.courriel.imap.protocol.ImapString;
import org.courriel.store.mime.BodyStructure;
import org.courriel.store.mime.Envelope;

/**
 * Encodes the BODY and BODYSTRUCTURE fetch items (RFC 9051 §7.5.2 and its formal syntax, §9 "body"). Pure.
 * BODY ({@code extensible} false) has no extension data; BODYSTRUCTURE adds, for a single part, body-fld-md5,
 * disposition, language and location, and for a multipart its parameters, disposition, language and location.
 * Media types, subtypes and parameter names go out in upper case, as most servers send them; values as stored,
 * except that a session without UTF-8 gets a non-ASCII parameter value in RFC 2231 extended form.
 */
public final class BodyStructureEncoder {

    /** What a multipart without parts is shown as, since body-type-mpart needs at least one body. */
    private static final BodyStructure EMPTY_TEXT = new BodyStructure("text", "plain",
            List.of(new BodyStructure.Parameter("charset", "us-ascii")), null, null, "7BIT", 0, 0, null, null,
            List.of(), null, List.of(), null);

    private BodyStructureEncoder() {
    }

    public static void encode(StringBuilder out, BodyStructure body, boolean extensible, boolean utf8) {
        out.append('(');
        if (body.isMultipart()) {
            multipart(out, body, extensible, utf8);
        } else {
            single(out, body, extensible, utf8);
        }
        out.append(')');
    }

    /** body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]. */
    private static void multipart(StringBuilder out, BodyStructure body, boolean extensible, boolean utf8) {
        List<BodyStructure> parts = body.parts().isEmpty() ? List.of(EMPTY_TEXT) : body.parts();
        for (BodyStructure part : parts) {
            encode(out, part, extensible, utf8);
        }
        out.append(' ');
        ImapString.string(out, upper(body.subtype()), utf8);
        if (extensible) {
            // body-ext-mpart = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc]]]
            out.append(' ');
            parameters(out, body.parameters(), utf8);
            extensionTail(out, body, utf8);
        }
    }

    /** body-type-basic / body-type-msg / body-type-text, then body-ext-1part for BODYSTRUCTURE. */
    private static void single(StringBuilder out, BodyStructure body, boolean extensible, boolean utf8) {
        ImapString.string(out, upper(body.type()), utf8);
        out.append(' ');
        ImapString.string(out, upper(body.subtype()), utf8);
        out.append(' ');
        // body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP body-fld-octets
        parameters(out, body.parameters(), utf8);
        out.append(' ');
        ImapString.nstring(out, body.id(), utf8);
        out.append(' ');
        ImapString.nstring(out, body.description(), utf8);
        out.append(' ');
        ImapString.string(out, body.encoding() == null ? "7BIT" : body.encoding(), utf8);
        out.append(' ').append(body.size());
        if (isMessage(body)) {
            // body-type-msg: envelope, body and lines of the encapsulated message
            BodyStructure.EncapsulatedMessage message = body.message();
            out.append(' ');
            EnvelopeEncoder.encode(out, message == null ? Envelope.EMPTY : message.envelope(), utf8);
            out.append(' ');
            encode(out, message == null ? EMPTY_TEXT : message.body(), extensible, utf8);
            out.append(' ').append(body.lines());
        } else if (body.isText()) {
            out.append(' ').append(body.lines());
        }
        if (extensible) {
            // body-ext-1part = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc]]]
            out.append(' ');
            ImapString.nstring(out, body.md5(), utf8);
            extensionTail(out, body, utf8);
        }
    }

    /** media-message: MESSAGE/RFC822 or MESSAGE/GLOBAL carry an envelope, a body and lines. */
    private static boolean isMessage(BodyStructure body) {
        return "message".equalsIgnoreCase(body.type())
                && ("rfc822".equalsIgnoreCase(body.subtype()) || "global".equalsIgnoreCase(body.subtype()));
    }

    /** SP body-fld-dsp SP body-fld-lang SP body-fld-loc. */
    private static void extensionTail(StringBuilder out, BodyStructure body, boolean utf8) {
        out.append(' ');
        if (body.disposition() == null) {
            out.append("NIL");
        } else {
            // body-fld-dsp = "(" string SP body-fld-param ")"
            out.append('(');
            ImapString.string(out, upper(body.disposition().type()), utf8);
            out.append(' ');
            parameters(out, body.disposition().parameters(), utf8);
            out.append(')');
        }
        out.append(' ');
        language(out, body.language(), utf8);
        out.append(' ');
        ImapString.nstring(out, body.location(), utf8);
    }

    /** body-fld-param = "(" string SP string *(SP string SP string) ")" / nil. */
    private static void parameters(StringBuilder out, List<BodyStructure.Parameter> parameters, boolean utf8) {
        if (parameters.isEmpty()) {
            out.append("NIL");
            return;
        }
        out.append('(');
        boolean first = true;
        for (BodyStructure.Parameter p : parameters) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            String value = p.value() == null ? "" : p.value();
            if (!utf8 && !isAscii(value)) {
                // RFC 2231 §4: a session without UTF-8 gets a non-ASCII value (often an RFC 2231 file name that
                // Mime4j decoded) in its extended form, as the message wrote it, rather than 8-bit text.
                ImapString.string(out, upper(p.name()) + "*", false);
                out.append(' ');
                ImapString.string(out, extendedValue(value), false);
            } else {
                ImapString.string(out, upper(p.name()), utf8);
                out.append(' ');
                ImapString.string(out, value, utf8);
            }
        }
        out.append(')');
    }

    /** body-fld-lang = nstring / "(" string *(SP string) ")": one tag as a string, several as a list. */
    private static void language(StringBuilder out, List<String> tags, boolean utf8) {
        if (tags.isEmpty()) {
            out.append("NIL");
        } else if (tags.size() == 1) {
            ImapString.string(out, tags.get(0), utf8);
        } else {
            out.append('(');
            for (int i = 0; i < tags.size(); i++) {
                if (i > 0) {
                    out.append(' ');
                }
                ImapString.string(out, tags.get(i), utf8);
            }
            out.append(')');
        }
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    /** RFC 2231 §4 extended-initial-value: {@code utf-8''} then the UTF-8 octets, %-encoded outside attribute-char. */
    static String extendedValue(String value) {
        StringBuilder sb = new StringBuilder("utf-8''");
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "*'%()<>@,;:\\\"/[]?=".indexOf(c) < 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
