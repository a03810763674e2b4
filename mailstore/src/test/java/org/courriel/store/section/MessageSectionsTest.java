package org.courriel.store.section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.courriel.store.mime.BodyStructure;
import org.courriel.store.mime.MessageParser;
import org.courriel.store.section.SectionSpec.Text;
import org.courriel.store.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

class MessageSectionsTest {

    /** Nested structure with every encoding case: CRLF line ends throughout. */
    static final String NESTED = String.join("\r\n",
            "From: Alice <alice@example.com>",
            "Subject: nested",
            "Content-Type: multipart/mixed; boundary=\"outer\"",
            "",
            "preamble",
            "--outer",
            "Content-Type: multipart/alternative; boundary=\"alt\"",
            "",
            "--alt",
            "Content-Type: text/plain; charset=utf-8",
            "",
            "plain text",
            "--alt",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            "PHA+Q2Fmw6k8L3A+",
            "--alt--",
            "",
            "--outer",
            "Content-Type: message/rfc822",
            "Content-Description: forwarded",
            "",
            "From: Carol <carol@example.com>",
            "Subject: inner",
            "Content-Type: multipart/mixed; boundary=inner",
            "",
            "--inner",
            "Content-Type: text/plain",
            "",
            "inner text",
            "--inner",
            "Content-Type: application/octet-stream",
            "Content-Transfer-Encoding: base64",
            "",
            "AAEC/w==",
            "--inner--",
            "",
            "--outer",
            "Content-Type: application/x-archive",
            "Content-Transfer-Encoding: x-uuencode",
            "",
            "begin 644 x",
            "--outer--",
            "epilogue",
            "");

    static final String INNER_MESSAGE = String.join("\r\n",
            "From: Carol <carol@example.com>",
            "Subject: inner",
            "Content-Type: multipart/mixed; boundary=inner",
            "",
            "--inner",
            "Content-Type: text/plain",
            "",
            "inner text",
            "--inner",
            "Content-Type: application/octet-stream",
            "Content-Transfer-Encoding: base64",
            "",
            "AAEC/w==",
            "--inner--",
            "");

    /** A single-part message in quoted-printable ISO-8859-1, encoded-word subject. */
    static final String QP = "From: a@example.com\r\n"
            + "Subject: =?UTF-8?Q?caf=C3=A9?=\r\n"
            + "Content-Type: text/plain; charset=iso-8859-1\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n"
            + "\r\n"
            + "Caf=E9 cr=E8me=\r\n br=FBl=E9e\r\n";

    static final String EMBEDDED_HEADER = "From: mimekit@example.com\n"
            + "To: mimekit@example.com\n"
            + "Subject: embedded message\n"
            + "Date: Tue, 12 Nov 2013 09:12:42 -0500\n"
            + "MIME-Version: 1.0\n"
            + "Content-Type: text/plain; charset=utf-8\n\n";

    static final String EMBEDDED_TOP_HEADER = "From: mimekit@example.com\n"
            + "To: mimekit@example.com\n"
            + "Subject: test of simple embedded message/rfc822 part\n"
            + "Date: Tue, 12 Nov 2013 09:12:42 -0500\n"
            + "MIME-Version: 1.0\n"
            + "Message-ID: <54AD68C9E3B0184CAC6041320424FD1B5B81E74D@localhost.localdomain>\n"
            + "X-Mailer: Microsoft Office Outlook 12.0\n"
            + "Content-Type: multipart/mixed;\n"
            + "\tboundary=\"----=_NextPart_000_003F_01CE98CE.6E826F90\"\n"
            + "Content-Length: 420\n\n";

    static final String BOUNDARY = "------=_NextPart_000_003F_01CE98CE.6E826F90";

    static final String EMBEDDED_TEXT = BOUNDARY + "\n"
            + "Content-Type: text/plain; charset=utf-8\n\n"
            + "This is the message body.\n\n"
            + BOUNDARY + "\n"
            + "Content-Type: message/rfc822\n\n"
            + EMBEDDED_HEADER
            + "This is the embedded message body.\n\n"
            + BOUNDARY + "--\n";

    static final List<Arguments> CASES = List.of(
            // simple-embedded-message.eml (LF line ends): a text part and a message/rfc822 part
            Arguments.of("simple-embedded-message.eml", "", EMBEDDED_TOP_HEADER + EMBEDDED_TEXT),
            Arguments.of("simple-embedded-message.eml", "HEADER", EMBEDDED_TOP_HEADER),
            Arguments.of("simple-embedded-message.eml", "HEADER.FIELDS (Subject From)",
                    "From: mimekit@example.com\nSubject: test of simple embedded message/rfc822 part\n\n"),
            Arguments.of("simple-embedded-message.eml", "HEADER.FIELDS (SUBJECT x-none)",
                    "Subject: test of simple embedded message/rfc822 part\n\n"),
            Arguments.of("simple-embedded-message.eml",
                    "HEADER.FIELDS.NOT (from to subject date mime-version message-id x-mailer)",
                    "Content-Type: multipart/mixed;\n\tboundary=\"----=_NextPart_000_003F_01CE98CE.6E826F90\"\n"
                            + "Content-Length: 420\n\n"),
            Arguments.of("simple-embedded-message.eml", "TEXT", EMBEDDED_TEXT),
            Arguments.of("simple-embedded-message.eml", "1", "This is the message body.\n"),
            Arguments.of("simple-embedded-message.eml", "1.MIME", "Content-Type: text/plain; charset=utf-8\n\n"),
            Arguments.of("simple-embedded-message.eml", "2",
                    EMBEDDED_HEADER + "This is the embedded message body.\n"),
            Arguments.of("simple-embedded-message.eml", "2.MIME", "Content-Type: message/rfc822\n\n"),
            Arguments.of("simple-embedded-message.eml", "2.HEADER", EMBEDDED_HEADER),
            Arguments.of("simple-embedded-message.eml", "2.HEADER.FIELDS (subject)",
                    "Subject: embedded message\n\n"),
            Arguments.of("simple-embedded-message.eml", "2.TEXT", "This is the embedded message body.\n"),
            // the encapsulated message is not multipart: its only part, 2.1, is its body
            Arguments.of("simple-embedded-message.eml", "2.1", "This is the embedded message body.\n"),
            Arguments.of("simple-embedded-message.eml", "2.1.MIME", EMBEDDED_HEADER),
            Arguments.of("simple-embedded-message.eml", "2.2", ""),
            Arguments.of("simple-embedded-message.eml", "3", ""),
            Arguments.of("simple-embedded-message.eml", "1.1", ""),
            Arguments.of("simple-embedded-message.eml", "1.HEADER", ""),
            Arguments.of("simple-embedded-message.eml", "1.TEXT", ""),
            Arguments.of("simple-embedded-message.eml", "MIME", ""),
            // simple-multipart.eml: a text part and a base64 attachment
            Arguments.of("simple-multipart.eml", "2", "VGhpcyBpcyB0aGUgYmFzZTY0IGVuY29kZWQgYXR0YWNobWVudC4=\n"),
            Arguments.of("simple-multipart.eml", "2.MIME", "Content-Type: application/octet-stream; "
                    + "name=\"attachment.txt\"\nContent-Disposition: attachment; filename=\"attachment.txt\"\n"
                    + "Content-Transfer-Encoding: base64\n\n"),
            // multipart-digest.txt without its mbox From_ line: message/rfc822 at the top, a digest inside; digest parts default to message/rfc822
            Arguments.of("digest", "1.1.HEADER", "From: m1@example.com\nSubject: m1\n\n"),
            Arguments.of("digest", "1.2.MIME", "Content-Type: message/rfc822\nX-Mime: m2 header\n\n"),
            Arguments.of("digest", "1.2.TEXT", "m2 body\n"),
            Arguments.of("digest", "1.2.1", "m2 body\n"),
            Arguments.of("digest", "1.HEADER.FIELDS (subject)", "Subject: submsg\n\n"),
            // the corpus file itself: its mbox From_ line is a malformed header line, skipped
            Arguments.of("multipart-digest.txt", "HEADER.FIELDS (date)", "Date: Sat, 24 Mar 2007 23:00:00 +0200\n\n"),
            Arguments.of("multipart-digest.txt", "1.1.TEXT", "m1 body\n"),
            // hand-made nested message (CRLF)
            Arguments.of("nested", "1", "--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nplain text\r\n"
                    + "--alt\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + "PHA+Q2Fmw6k8L3A+\r\n--alt--\r\n"),
            Arguments.of("nested", "1.MIME", "Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"),
            Arguments.of("nested", "1.1", "plain text"),
            Arguments.of("nested", "1.2", "PHA+Q2Fmw6k8L3A+"),
            Arguments.of("nested", "1.2.MIME",
                    "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"),
            Arguments.of("nested", "1.3", ""),
            Arguments.of("nested", "2", INNER_MESSAGE),
            Arguments.of("nested", "2.HEADER.FIELDS.NOT (Content-Type)",
                    "From: Carol <carol@example.com>\r\nSubject: inner\r\n\r\n"),
            Arguments.of("nested", "2.1", "inner text"),
            Arguments.of("nested", "2.2", "AAEC/w=="),
            Arguments.of("nested", "2.2.MIME",
                    "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n"),
            Arguments.of("nested", "2.1.1", ""),
            Arguments.of("nested", "3", "begin 644 x"),
            Arguments.of("nested", "4", ""),
            // hand-made single part: part 1 is the body, its MIME header the message header
            Arguments.of("qp", "1", "Caf=E9 cr=E8me=\r\n br=FBl=E9e\r\n"),
            Arguments.of("qp", "TEXT", "Caf=E9 cr=E8me=\r\n br=FBl=E9e\r\n"),
            Arguments.of("qp", "1.MIME", QP.substring(0, QP.indexOf("\r\n\r\n") + 4)),
            Arguments.of("qp", "HEADER.FIELDS (content-transfer-encoding)",
                    "Content-Transfer-Encoding: quoted-printable\r\n\r\n"),
            Arguments.of("qp", "1.1", ""),
            // a message of header only, with no blank line: no blank line is invented
            Arguments.of("header-only", "HEADER", "Subject: only\r\nX-A: 1\r\n"),
            Arguments.of("header-only", "HEADER.FIELDS (x-a)", "X-A: 1\r\n"),
            Arguments.of("header-only", "TEXT", ""),
            Arguments.of("header-only", "1", ""));

    static byte[] message(String name) {
        return switch (name) {
            case "nested" -> NESTED.getBytes(StandardCharsets.UTF_8);
            case "qp" -> QP.getBytes(StandardCharsets.UTF_8);
            case "digest" -> {
                byte[] raw = Corpus.read("multipart-digest.txt");
                int firstLine = new String(raw, StandardCharsets.ISO_8859_1).indexOf('\n') + 1;
                yield java.util.Arrays.copyOfRange(raw, firstLine, raw.length);
            }
            case "header-only" -> "Subject: only\r\nX-A: 1\r\n".getBytes(StandardCharsets.UTF_8);
            default -> Corpus.read(name);
        };
    }

    @ParameterizedTest(name = "{0} BODY[{1}]")
    @FieldSource("CASES")
    void extractsSectionBytesExactly(String file, String section, String expected) {
        byte[] result = MessageSections.extract(message(file), parse(section));
        assertThat(new String(result, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    /** rfc2060.txt is the example of RFC 9051 §6.4.5.1: each part says which specifier should reach it. */
    @ParameterizedTest(name = "BODY[{0}]")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1", "2", "3.1", "3.2", "4.1", "4.2.1", "4.2.2.1", "4.2.2.2"})
    void partNumbersFollowTheRfcExample(String part) {
        String text = new String(MessageSections.extract(Corpus.read("rfc2060.txt"), parse(part)), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("This part specifier should be: " + part + "\n");
    }

    @ParameterizedTest(name = "BODY[{0}.HEADER]")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"3", "4.2"})
    void encapsulatedHeadersFollowTheRfcExample(String part) {
        String header = new String(MessageSections.extract(Corpus.read("rfc2060.txt"),
                parse(part + ".HEADER.FIELDS (SUBJECT)")), StandardCharsets.UTF_8);
        assertThat(header).isEqualTo("Subject: This part specifier should be: " + part + "\n\n");
    }

    @Test
    void topLevelHeaderSectionsNeedOnlyTheStoredHeader() {
        List<SectionSpec> specs = List.of(SectionSpec.of(Text.HEADER),
                new SectionSpec(new int[0], Text.HEADER_FIELDS, List.of("From", "SUBJECT", "content-type", "Received")),
                new SectionSpec(new int[0], Text.HEADER_FIELDS_NOT, List.of("received", "x-mailer")));
        for (String file : Corpus.FILES) {
            byte[] raw = Corpus.read(file);
            byte[] header = org.courriel.store.content.MessageContent.of(raw).header();
            for (SectionSpec spec : specs) {
                assertThat(MessageSections.extract(header, spec)).as(file + " " + spec)
                        .isEqualTo(MessageSections.extract(raw, spec));
            }
        }
    }

    @Test
    void wholeMessageIsReturnedByteForByte() {
        for (String file : Corpus.FILES) {
            byte[] raw = Corpus.read(file);
            assertThat(MessageSections.extract(raw, SectionSpec.WHOLE)).as(file).isEqualTo(raw);
            byte[] header = MessageSections.extract(raw, SectionSpec.of(Text.HEADER));
            byte[] text = MessageSections.extract(raw, SectionSpec.of(Text.TEXT));
            assertThat(header.length + text.length).as(file).isEqualTo(raw.length);
        }
    }

    /** Odd MIME never fails a fetch: every corpus message cut short anywhere still answers every section. */
    @Test
    void truncatedMessagesNeverThrow() throws Exception {
        List<SectionSpec> specs = List.of(SectionSpec.WHOLE, SectionSpec.of(Text.HEADER), SectionSpec.of(Text.TEXT),
                new SectionSpec(new int[] {1}, Text.HEADER_FIELDS, List.of("subject")), SectionSpec.part(1),
                SectionSpec.of(Text.MIME, 1), SectionSpec.of(Text.TEXT, 2), SectionSpec.part(2, 1),
                SectionSpec.part(3, 2, 1), SectionSpec.of(Text.MIME, 4, 2, 2, 1));
        int checked = 0;
        for (String file : Corpus.FILES) {
            byte[] raw = Corpus.read(file);
            for (int cut = 0; cut < raw.length; cut += Math.max(1, raw.length / 37)) {
                byte[] part = java.util.Arrays.copyOf(raw, cut);
                for (SectionSpec spec : specs) {
                    assertThat(MessageSections.extract(part, spec).length).isLessThanOrEqualTo(cut);
                }
                MessageSections.text(part, new int[] {1});
                try {
                    MessageSections.decoded(part, new int[] {2});
                } catch (UnknownTransferEncodingException e) {
                    // an expected refusal, not a failure
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(Corpus.FILES.size() * 30);
    }

    @Test
    void decodesBase64AndQuotedPrintable() throws Exception {
        assertThat(MessageSections.decoded(Corpus.read("simple-multipart.eml"), new int[] {2}))
                .asString(StandardCharsets.US_ASCII).isEqualTo("This is the base64 encoded attachment.");
        assertThat(MessageSections.decoded(message("nested"), new int[] {2, 2}))
                .containsExactly(0x00, 0x01, 0x02, 0xff);
        assertThat(MessageSections.decoded(message("qp"), new int[] {1}))
                .isEqualTo("Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(MessageSections.decoded(message("nested"), new int[] {1, 1}))
                .asString(StandardCharsets.UTF_8).isEqualTo("plain text");
    }

    @Test
    void binarySizeIsTheDecodedLength() throws Exception {
        assertThat(MessageSections.decodedSize(Corpus.read("simple-multipart.eml"), new int[] {2}))
                .isEqualTo("This is the base64 encoded attachment.".length());
        assertThat(MessageSections.decodedSize(message("nested"), new int[] {2, 2})).isEqualTo(4);
        assertThat(MessageSections.decodedSize(message("qp"), new int[] {1})).isEqualTo(19);
        assertThat(MessageSections.decodedSize(message("nested"), new int[] {9})).isZero();
    }

    @Test
    void unknownTransferEncodingIsReportedWithItsName() {
        assertThatThrownBy(() -> MessageSections.decoded(message("nested"), new int[] {3}))
                .isInstanceOfSatisfying(UnknownTransferEncodingException.class,
                        e -> assertThat(e.encoding()).isEqualTo("x-uuencode"));
        assertThatThrownBy(() -> MessageSections.decodedSize(message("nested"), new int[] {3}))
                .isInstanceOf(UnknownTransferEncodingException.class);
    }

    @Test
    void missingPartDecodesToNothing() throws Exception {
        assertThat(MessageSections.decoded(message("nested"), new int[] {7, 1})).isEmpty();
        assertThat(MessageSections.text(message("nested"), new int[] {7})).isEmpty();
    }

    @Test
    void textAppliesTransferEncodingAndCharset() {
        assertThat(MessageSections.text(message("qp"), new int[] {1})).isEqualTo("Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e\r\n");
        assertThat(MessageSections.text(message("nested"), new int[] {1, 2})).isEqualTo("<p>Caf\u00e9</p>");
        assertThat(MessageSections.text(message("nested"), new int[] {2, 1})).isEqualTo("inner text");
        assertThat(MessageSections.text(Corpus.read("japanese.txt"), new int[] {1})).isNotBlank()
                .doesNotContain("\ufffd");
    }

    @Test
    void partialTakesOriginAndLength() {
        byte[] data = "0123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(MessageSections.partial(data, 2, 3)).asString().isEqualTo("234");
        assertThat(MessageSections.partial(data, 8, 100)).asString().isEqualTo("89");
        assertThat(MessageSections.partial(data, 10, 1)).isEmpty();
        assertThat(MessageSections.partial(data, 0, Long.MAX_VALUE)).isEqualTo(data);
    }

    @Test
    void sectionNamesReadAsImapWritesThem() {
        assertThat(parse("2.1.HEADER.FIELDS (Subject From)").imapName()).isEqualTo("2.1.HEADER.FIELDS (SUBJECT FROM)");
        assertThat(parse("1.MIME").imapName()).isEqualTo("1.MIME");
        assertThat(SectionSpec.WHOLE.imapName()).isEmpty();
        assertThat(parse("3.TEXT")).isEqualTo(SectionSpec.of(Text.TEXT, 3));
    }

    static Stream<String> corpus() {
        return Corpus.FILES.stream();
    }

    /**
     * Part numbers agree with the stored BodyStructure: every part it lists exists, and the size and line count
     * of each single part are those of the bytes BODY[part] returns.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void partsAgreeWithBodyStructure(String file) {
        byte[] raw = Corpus.read(file);
        BodyStructure root = MessageParser.parse(raw).body();
        List<String> checked = new ArrayList<>();
        walk(raw, root, new int[0], true, checked);
        assertThat(checked).as(file).isNotEmpty();
    }

    private static void walk(byte[] raw, BodyStructure body, int[] prefix, boolean messageLevel, List<String> checked) {
        if (body.isMultipart()) {
            for (int i = 0; i < body.parts().size(); i++) {
                int[] number = append(prefix, i + 1);
                BodyStructure part = body.parts().get(i);
                assertThat(MessageSections.extract(raw, SectionSpec.of(Text.MIME, number))).as(name(number) + ".MIME")
                        .isNotEmpty();
                if (!part.isMultipart()) {
                    checkLeaf(raw, part, number, checked);
                } else {
                    walk(raw, part, number, false, checked);
                }
            }
            return;
        }
        if (messageLevel) {
            checkLeaf(raw, body, append(prefix, 1), checked);
        }
    }

    private static void checkLeaf(byte[] raw, BodyStructure part, int[] number, List<String> checked) {
        byte[] bytes = MessageSections.extract(raw, SectionSpec.part(number));
        assertThat((long) bytes.length).as("size of " + name(number)).isEqualTo(part.size());
        if (part.isText() || part.message() != null) {
            assertThat(lines(bytes)).as("lines of " + name(number)).isEqualTo(part.lines());
        }
        checked.add(name(number));
        if (part.message() != null) {
            walk(raw, part.message().body(), number, true, checked);
            assertThat(MessageSections.extract(raw, SectionSpec.of(Text.HEADER, number)).length
                    + MessageSections.extract(raw, SectionSpec.of(Text.TEXT, number)).length)
                    .as(name(number) + " HEADER+TEXT").isEqualTo(part.size());
        }
    }

    private static long lines(byte[] b) {
        long n = 0;
        for (byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        return b.length > 0 && b[b.length - 1] != '\n' ? n + 1 : n;
    }

    private static int[] append(int[] prefix, int n) {
        int[] r = java.util.Arrays.copyOf(prefix, prefix.length + 1);
        r[prefix.length] = n;
        return r;
    }

    private static String name(int[] part) {
        return SectionSpec.part(part).imapName();
    }

    /** A test-side reading of the section syntax, enough for the cases above. */
    static SectionSpec parse(String s) {
        List<String> fields = List.of();
        int paren = s.indexOf('(');
        if (paren >= 0) {
            fields = List.of(s.substring(paren + 1, s.indexOf(')')).trim().split(" "));
            s = s.substring(0, paren).trim();
        }
        List<Integer> numbers = new ArrayList<>();
        String rest = s;
        while (!rest.isEmpty() && Character.isDigit(rest.charAt(0))) {
            int dot = rest.indexOf('.');
            numbers.add(Integer.parseInt(dot < 0 ? rest : rest.substring(0, dot)));
            rest = dot < 0 ? "" : rest.substring(dot + 1);
        }
        Text text = rest.isEmpty() ? Text.NONE : Text.valueOf(rest.replace('.', '_'));
        return new SectionSpec(numbers.stream().mapToInt(Integer::intValue).toArray(), text, fields);
    }
}
