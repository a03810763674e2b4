package org.courriel.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Mailbox names in modified UTF-7 (RFC 3501 §5.1.3) as the client sends them: decoding either gives a
 * name or throws {@link ImapSyntaxException}, and whatever name decodes is encoded back to a form that
 * decodes to the same name.
 */
class ModifiedUtf7FuzzTest {

    @FuzzTest
    void decodeGivesANameOrASyntaxError(byte[] input) {
        String wire = new String(input, StandardCharsets.ISO_8859_1);
        String name;
        try {
            name = ModifiedUtf7.decode(wire);
        } catch (ImapSyntaxException expected) {
            return;
        }
        if (isWellFormedUtf16(name)) {
            assertThat(ModifiedUtf7.decode(ModifiedUtf7.encode(name))).isEqualTo(name);
        }
    }

    /** Unpaired surrogates cannot round-trip through UTF-16 bytes; rejecting them is a separate rule. */
    private static boolean isWellFormedUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
