package org.courriel.imap.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.courriel.store.mime.BodyStructure;
import org.courriel.store.mime.BodyStructure.Disposition;
import org.courriel.store.mime.BodyStructure.Parameter;
import org.courriel.store.mime.Envelope;
import org.courriel.store.mime.MessageParser;
import org.junit.jupiter.api.Test;

class BodyStructureEncoderTest {

    static String encode(BodyStructure body, boolean extensible, boolean utf8) {
        StringBuilder out = new StringBuilder();
        BodyStructureEncoder.encode(out, body, extensible, utf8);
        return out.toString();
    }

    static BodyStructure leaf(String type, String subtype, List<Parameter> params, String id, String description,
            String encoding, long size, long lines) {
        return new BodyStructure(type, subtype, params, id, description, encoding, size, lines, null, null, List.of(),
                null, List.of(), null);
    }

    static BodyStructure multipart(String subtype, List<Parameter> params, BodyStructure... parts) {
        return new BodyStructure("multipart", subtype, params, null, null, "7BIT", 0, 0, null, null, List.of(), null,
                List.of(parts), null);
    }

    /** The example of RFC 9051 §7.5.2 (BODYSTRUCTURE), as BODY gives it. */
    @Test
    void rfcExampleAsBody() {
        BodyStructure body = multipart("mixed", List.of(new Parameter("boundary", "x")),
                leaf("text", "plain", List.of(new Parameter("charset", "US-ASCII")), null, null, "7BIT", 1152, 23),
                leaf("text", "plain", List.of(new Parameter("charset", "US-ASCII"), new Parameter("name", "cc.diff")),
                        "<960723163407.20117h@cac.washington.edu>", "Compiler diff", "BASE64", 4554, 73));
        assertThat(encode(body, false, false)).isEqualTo("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL "
                + "\"7BIT\" 1152 23)(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") "
                + "\"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) \"MIXED\")");
        assertThat(encode(body, true, false)).isEqualTo("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL "
                + "\"7BIT\" 1152 23 NIL NIL NIL NIL)(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") "
                + "\"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73 NIL NIL NIL NIL) "
                + "\"MIXED\" (\"BOUNDARY\" \"x\") NIL NIL NIL)");
    }

    @Test
    void basicPartHasNoLineCount() {
        BodyStructure pdf = leaf("application", "pdf", List.of(), null, null, "BASE64", 4096, 0);
        assertThat(encode(pdf, false, false)).isEqualTo("(\"APPLICATION\" \"PDF\" NIL NIL NIL \"BASE64\" 4096)");
    }

    @Test
    void extensionDataCarriesMd5DispositionLanguageAndLocation() {
        BodyStructure part = new BodyStructure("image", "png", List.of(new Parameter("name", "a.png")), "<i1>", null,
                "BASE64", 10, 0, "Q2hlY2sgSW50ZWdyaXR5IQ==",
                new Disposition("inline", List.of(new Parameter("filename", "a.png"), new Parameter("size", "7"))),
                List.of("en", "fr-CA"), "http://example.com/a.png", List.of(), null);
        assertThat(encode(part, true, false)).isEqualTo("(\"IMAGE\" \"PNG\" (\"NAME\" \"a.png\") \"<i1>\" NIL "
                + "\"BASE64\" 10 \"Q2hlY2sgSW50ZWdyaXR5IQ==\" (\"INLINE\" (\"FILENAME\" \"a.png\" \"SIZE\" \"7\")) "
                + "(\"en\" \"fr-CA\") \"http://example.com/a.png\")");
        assertThat(encode(part, false, false)).isEqualTo(
                "(\"IMAGE\" \"PNG\" (\"NAME\" \"a.png\") \"<i1>\" NIL \"BASE64\" 10)");
    }

    @Test
    void multipartExtensionDataFromAMessage() {
        String message = "Content-Type: multipart/alternative; boundary=b\r\n"
                + "Content-Language: de\r\n"
                + "Content-Disposition: inline\r\n"
                + "Content-Location: http://example.com/m\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Gr\u00fc\u00dfe\r\nzwei\r\n--b--\r\n";
        BodyStructure body = MessageParser.parse(message.getBytes(StandardCharsets.UTF_8)).body();
        assertThat(encode(body, true, false)).isEqualTo("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL "
                + "\"8BIT\" 13 2 NIL NIL NIL NIL) \"ALTERNATIVE\" (\"BOUNDARY\" \"b\") (\"INLINE\" NIL) \"de\" "
                + "\"http://example.com/m\")");
        assertThat(encode(body, false, false))
                .isEqualTo("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"8BIT\" 13 2) \"ALTERNATIVE\")");
    }

    @Test
    void encapsulatedMessageCarriesEnvelopeBodyAndLines() {
        String message = "Content-Type: message/rfc822\r\n\r\n"
                + "Subject: inner\r\nFrom: a@example.com\r\n\r\nline one\r\nline two\r\n";
        BodyStructure body = MessageParser.parse(message.getBytes(StandardCharsets.UTF_8)).body();
        assertThat(encode(body, false, false)).isEqualTo("(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 59 "
                + "(NIL \"inner\" ((NIL NIL \"a\" \"example.com\")) ((NIL NIL \"a\" \"example.com\")) "
                + "((NIL NIL \"a\" \"example.com\")) NIL NIL NIL NIL NIL) "
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 20 2) 5)");
        assertThat(encode(body, true, false)).endsWith(
                "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 20 2 NIL NIL NIL NIL) 5 NIL NIL NIL NIL)");
    }

    @Test
    void messageGlobalIsEncodedLikeRfc822() {
        BodyStructure inner = leaf("text", "plain", List.of(new Parameter("charset", "utf-8")), null, null, "8BIT", 3, 1);
        BodyStructure global = new BodyStructure("message", "global", List.of(), null, null, "8BIT", 30, 3, null,
                null, List.of(), null, List.of(), new BodyStructure.EncapsulatedMessage(Envelope.EMPTY, inner));
        assertThat(encode(global, false, false)).isEqualTo("(\"MESSAGE\" \"GLOBAL\" NIL NIL NIL \"8BIT\" 30 "
                + "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL "
                + "\"8BIT\" 3 1) 3)");
    }

    @Test
    void rfc2231FileNameDecodedByTheParserGoesBackToItsExtendedForm() {
        String message = "Content-Type: application/pdf\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''%E2%82%AC.pdf\r\n\r\nx\r\n";
        BodyStructure body = MessageParser.parse(message.getBytes(StandardCharsets.UTF_8)).body();
        assertThat(body.fileName()).isEqualTo("\u20ac.pdf");
        assertThat(encode(body, true, false)).contains("(\"ATTACHMENT\" (\"FILENAME*\" \"utf-8''%E2%82%AC.pdf\"))");
        assertThat(encode(body, true, true)).contains("(\"ATTACHMENT\" (\"FILENAME\" \"\u20ac.pdf\"))");
    }

    @Test
    void multipartWithoutPartsGetsAnEmptyTextPartToStayValid() {
        BodyStructure empty = multipart("mixed", List.of(new Parameter("boundary", "z")));
        assertThat(encode(empty, false, false))
                .isEqualTo("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 0 0) \"MIXED\")");
    }

    @Test
    void nonAsciiParameterIsExtendedWithoutUtf8AndQuotedWithIt() {
        BodyStructure part = leaf("application", "pdf", List.of(new Parameter("name", "r\u00e9sum\u00e9 1.pdf")), null,
                null, "BASE64", 1, 0);
        assertThat(encode(part, false, false)).isEqualTo(
                "(\"APPLICATION\" \"PDF\" (\"NAME*\" \"utf-8''r%C3%A9sum%C3%A9%201.pdf\") NIL NIL \"BASE64\" 1)");
        assertThat(encode(part, false, true))
                .isEqualTo("(\"APPLICATION\" \"PDF\" (\"NAME\" \"r\u00e9sum\u00e9 1.pdf\") NIL NIL \"BASE64\" 1)");
    }
}
