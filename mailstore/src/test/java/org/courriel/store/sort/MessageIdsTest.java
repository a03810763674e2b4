package org.courriel.store.sort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.courriel.store.mime.Envelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5256 §3 REFERENCES: message IDs normalised, the references of References else In-Reply-To. */
class MessageIdsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "<a@x>|<a@x>",
        // the RFC's own example: quoting undone
        "<\"01KF8JCEOCBS0045PS\"@xxx.yyy.com>|<01KF8JCEOCBS0045PS@xxx.yyy.com>",
        "<a@x> <b@y>|<a@x> <b@y>",
        "(comment <c@z>) <a@x>|<a@x>",
        "<a @ x>|<a@x>",
        // not valid: no @, unclosed, empty
        "<nothing>|''",
        "<a@x|''",
        "<>|''",
        "<a@x> bob@example.com (Bob)|<a@x>",
        "'<A@X> <a@x>'|<A@X> <a@x>"})
    void normalisesValidIds(String value, String ids) {
        List<String> expected = ids.isEmpty() ? List.of() : Arrays.asList(ids.split(" "));
        assertThat(MessageIds.parse(value)).isEqualTo(expected);
    }

    @Test
    void foldingBetweenIdsIsDropped() {
        assertThat(MessageIds.parse("<a@x>\r\n\t<b@y>")).containsExactly("<a@x>", "<b@y>");
    }

    @Test
    void referencesComeFromReferencesElseTheFirstInReplyTo() {
        Envelope reply = new Envelope(null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                "<p@x> <q@x>", "<me@x>");
        byte[] withReferences = "Subject: s\r\nReferences: <r1@x>\r\n <r2@x>\r\n\r\n".getBytes();
        byte[] without = "Subject: s\r\nReferences: nothing valid\r\n\r\n".getBytes();
        assertThat(ThreadFields.of(reply, withReferences)).isEqualTo(new ThreadFields("<me@x>", List.of("<r1@x>", "<r2@x>")));
        assertThat(ThreadFields.of(reply, without)).isEqualTo(new ThreadFields("<me@x>", List.of("<p@x>")));
        assertThat(ThreadFields.of(Envelope.EMPTY, "\r\n".getBytes())).isEqualTo(new ThreadFields(null, List.of()));
    }

    @Test
    void tooManyReferencesKeepTheLastOnes() {
        StringBuilder refs = new StringBuilder("References:");
        for (int i = 0; i < 1000; i++) {
            refs.append(" <ref").append(i).append("@example.com>");
        }
        byte[] header = (refs + "\r\n\r\n").getBytes();
        ThreadFields fields = ThreadFields.of(Envelope.EMPTY, header);
        assertThat(fields.referencesColumn().length()).isLessThanOrEqualTo(ThreadFields.MAX_REFERENCES);
        assertThat(fields.references()).last().isEqualTo("<ref999@example.com>");
        assertThat(ThreadFields.references(fields.referencesColumn())).isEqualTo(fields.references());
    }
}
