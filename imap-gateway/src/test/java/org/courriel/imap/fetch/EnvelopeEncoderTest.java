package org.courriel.imap.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.courriel.store.mime.Envelope;
import org.courriel.store.mime.EnvelopeAddress;
import org.courriel.store.mime.MessageParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

class EnvelopeEncoderTest {

    static final EnvelopeAddress ALICE = new EnvelopeAddress("Alice", null, "alice", "example.com");
    static final EnvelopeAddress BOB = new EnvelopeAddress(null, null, "bob", "example.org");

    static String encode(Envelope envelope, boolean utf8) {
        StringBuilder out = new StringBuilder();
        EnvelopeEncoder.encode(out, envelope, utf8);
        return out.toString();
    }

    static Envelope parsed(String header) {
        return MessageParser.parse((header + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8)).envelope();
    }

    @Test
    void emptyEnvelopeIsAllNil() {
        assertThat(encode(Envelope.EMPTY, false)).isEqualTo("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)");
    }

    @Test
    void senderAndReplyToDefaultToFrom() {
        Envelope e = new Envelope("Mon, 23 Nov 2026 10:00:00 +0000", "hi", List.of(ALICE), List.of(), List.of(),
                List.of(BOB), List.of(), List.of(), null, "<1@x>");
        assertThat(encode(e, false)).isEqualTo("(\"Mon, 23 Nov 2026 10:00:00 +0000\" \"hi\" "
                + "((\"Alice\" NIL \"alice\" \"example.com\")) ((\"Alice\" NIL \"alice\" \"example.com\")) "
                + "((\"Alice\" NIL \"alice\" \"example.com\")) ((NIL NIL \"bob\" \"example.org\")) NIL NIL NIL \"<1@x>\")");
    }

    @Test
    void explicitSenderAndReplyToAreKept() {
        Envelope e = new Envelope(null, null, List.of(ALICE), List.of(BOB), List.of(BOB), List.of(), List.of(ALICE),
                List.of(BOB), "<0@x>", null);
        assertThat(encode(e, false)).isEqualTo("(NIL NIL ((\"Alice\" NIL \"alice\" \"example.com\")) "
                + "((NIL NIL \"bob\" \"example.org\")) ((NIL NIL \"bob\" \"example.org\")) NIL "
                + "((\"Alice\" NIL \"alice\" \"example.com\")) ((NIL NIL \"bob\" \"example.org\")) \"<0@x>\" NIL)");
    }

    static final List<Arguments> HEADERS = List.of(
            // RFC 9051 §7.5.2: groups are framed by a start marker (name in the mailbox field) and an end marker
            Arguments.of("To: Team: alice@example.com, Bob <bob@example.org>;",
                    "((NIL NIL \"Team\" NIL)(NIL NIL \"alice\" \"example.com\")(\"Bob\" NIL \"bob\" \"example.org\")"
                            + "(NIL NIL NIL NIL))"),
            Arguments.of("To: undisclosed-recipients:;", "((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL))"),
            // an address without a domain is no group start
            Arguments.of("To: <Undisclosed Recipients>", "((NIL NIL \"Undisclosed Recipients\" \"MISSING_DOMAIN\"))"),
            Arguments.of("To: \"Smith, John\" <john@example.com>, x@example.net",
                    "((\"Smith, John\" NIL \"john\" \"example.com\")(NIL NIL \"x\" \"example.net\"))"),
            Arguments.of("To: \"say \\\"hi\\\"\" <q@example.com>", "((\"say \\\"hi\\\"\" NIL \"q\" \"example.com\"))"),
            Arguments.of("To: <@relay.example:user@example.com>", "((NIL \"@relay.example\" \"user\" \"example.com\"))"),
            // a name with an unquoted '@' still parts name and address
            Arguments.of("To: jo@home <jo@example.com>", "((\"jo@home\" NIL \"jo\" \"example.com\"))"));

    @ParameterizedTest(name = "{0}")
    @FieldSource("HEADERS")
    void addressListsFollowRfc9051(String header, String expectedTo) {
        String encoded = encode(parsed(header), false);
        assertThat(encoded).isEqualTo("(NIL NIL NIL NIL NIL " + expectedTo + " NIL NIL NIL NIL)");
    }

    @Test
    void emptyAddressHeaderIsNil() {
        assertThat(encode(parsed("From: alice@example.com\r\nTo:\r\nCc: "), false))
                .isEqualTo("(NIL NIL ((NIL NIL \"alice\" \"example.com\")) ((NIL NIL \"alice\" \"example.com\")) "
                        + "((NIL NIL \"alice\" \"example.com\")) NIL NIL NIL NIL NIL)");
    }

    @Test
    void nonAsciiNameIsAnEncodedWordUnlessUtf8IsEnabled() {
        Envelope e = parsed("From: =?UTF-8?Q?Zo=C3=A9_Ma=C3=AFa?= <zoe@example.com>");
        assertThat(e.from().get(0).name()).isEqualTo("Zo\u00e9 Ma\u00efa");
        String ascii = encode(e, false);
        assertThat(ascii).startsWith("(NIL NIL ((\"=?").contains("?=\" NIL \"zoe\" \"example.com\"))").matches("\\p{ASCII}*");
        String name = ascii.substring(ascii.indexOf("((\"") + 3, ascii.indexOf("\" NIL \"zoe\""));
        assertThat(MessageParser.decode(name)).isEqualTo("Zo\u00e9 Ma\u00efa");
        assertThat(encode(e, true)).startsWith("(NIL NIL ((\"Zo\u00e9 Ma\u00efa\" NIL \"zoe\" \"example.com\"))");
    }

    @Test
    void subjectKeepsItsEncodedWordsAndUtf8SubjectIsDowngradedWithoutUtf8() {
        assertThat(encode(parsed("Subject: =?UTF-8?B?w4ljb2xl?="), false))
                .isEqualTo("(NIL \"=?UTF-8?B?w4ljb2xl?=\" NIL NIL NIL NIL NIL NIL NIL NIL)");
        String downgraded = encode(parsed("Subject: \u00c9cole d'\u00e9t\u00e9"), false);
        assertThat(downgraded).startsWith("(NIL \"=?").endsWith("?=\" NIL NIL NIL NIL NIL NIL NIL NIL)")
                .matches("\\p{ASCII}*");
        assertThat(MessageParser.decode(downgraded.substring(6, downgraded.indexOf("\" NIL"))))
                .isEqualTo("\u00c9cole d'\u00e9t\u00e9");
        assertThat(encode(parsed("Subject: \u00c9cole"), true))
                .isEqualTo("(NIL \"\u00c9cole\" NIL NIL NIL NIL NIL NIL NIL NIL)");
    }

    @Test
    void presentButEmptySubjectIsTheEmptyString() {
        assertThat(encode(parsed("Subject:"), false)).isEqualTo("(NIL \"\" NIL NIL NIL NIL NIL NIL NIL NIL)");
    }
}
