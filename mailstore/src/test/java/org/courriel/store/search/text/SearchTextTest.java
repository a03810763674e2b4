package org.courriel.store.search.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.courriel.store.mime.HeaderSection;
import org.courriel.store.testing.Corpus;
import org.junit.jupiter.api.Test;

/** One field read by name is the field as the whole header's parse reads it, for any header and any name. */
class SearchTextTest {

    private static final List<String> NAMES = List.of("From", "SUBJECT", "to", " Cc ", "x-tag", "Received",
            "Content-Type", "\u00dcmlaut", "K", "", "Date", "X-\u00e9");

    @Test
    void aFieldByNameIsWhatTheWholeParseHolds() {
        List<byte[]> headers = new ArrayList<>();
        for (String file : Corpus.FILES) {
            byte[] bytes = Corpus.read(file);
            headers.add(Arrays.copyOf(bytes, HeaderSection.length(bytes)));
        }
        headers.add(("From: a@x\r\nfrom : b@y\r\nFROM:c@z\r\n X-Tag: not a field\r\nX-Tag: one\r\n two\r\n"
                + "Subject: =?utf-8?q?caf=C3=A9?=\r\n\u00dcmlaut: yes\r\nK: kelvin\r\n\u212a: sign\r\n: no name\r\n"
                + "no colon here\r\nX-\u00e9: latin\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        headers.add("X-\u00e9: latin1 name\r\nSubject: caf\u00e9\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        int found = 0;
        for (byte[] header : headers) {
            List<SearchText.Field> all = SearchText.fields(header);
            for (String name : NAMES) {
                List<SearchText.Field> expected = all.stream().filter(f -> f.name().equalsIgnoreCase(name.strip()))
                        .toList();
                assertThat(SearchText.fieldsNamed(header, name)).as(name).isEqualTo(expected);
                found += expected.size();
            }
        }
        assertThat(found).isGreaterThan(100);
    }
}
