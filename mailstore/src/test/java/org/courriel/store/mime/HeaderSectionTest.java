package org.courriel.store.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5322 §2.2, §3.5: the header section ends at the first line that is neither a field nor a fold. */
class HeaderSectionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "textbook dialogue|Received: x\\r\\nDo you like ketchup?\\r\\nHow about pickles?\\r\\n"
                + "|Received: x\\r\\n\\r\\nDo you like ketchup?\\r\\nHow about pickles?\\r\\n",
        "well terminated|Subject: a\\r\\n\\r\\nbody\\r\\n|Subject: a\\r\\n\\r\\nbody\\r\\n",
        "folded field|Subject: a\\r\\n b\\r\\nbody line\\r\\n|Subject: a\\r\\n b\\r\\n\\r\\nbody line\\r\\n",
        "space before colon|Subject : a\\r\\nbody\\r\\n|Subject : a\\r\\n\\r\\nbody\\r\\n",
        "no header at all|hello\\r\\n|\\r\\nhello\\r\\n",
        "bare LF|Subject: a\\nbody\\n|Subject: a\\n\\nbody\\n",
        "header only|Subject: a\\r\\n|Subject: a\\r\\n",
        "byte order mark|\uFEFFSubject: a\\r\\nb\\r\\n|\uFEFFSubject: a\\r\\n\\r\\nb\\r\\n",
        "broken fold above the empty line|A: 1\\r\\nwrapped\\r\\nB: 2\\r\\n\\r\\nbody\\r\\n|A: 1\\r\\nwrapped\\r\\nB: 2\\r\\n\\r\\nbody\\r\\n",
        "mbox From_ line|From alice Mon Nov 23\\r\\nSubject: a\\r\\n\\r\\nb\\r\\n|From alice Mon Nov 23\\r\\nSubject: a\\r\\n\\r\\nb\\r\\n",
    })
    void emptyLineGoesWhereTheHeaderSectionEnds(String name, String message, String expected) {
        byte[] out = HeaderSection.terminated(bytes(message));
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(unescape(expected));
        assertThat(HeaderSection.terminated(out)).isSameAs(out);
    }

    private static byte[] bytes(String escaped) {
        return unescape(escaped).getBytes(StandardCharsets.UTF_8);
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n");
    }
}
