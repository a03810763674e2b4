package org.courriel.store.search.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class TrigramTokensTest {

    @Test
    void oneTrigramPerCodePointAtConsecutivePositions() throws IOException {
        assertThat(tokens("abcde")).containsExactly("abc@0", "bcd@1", "cde@2");
        assertThat(tokens("ab")).isEmpty();
        assertThat(tokens("\uD834\uDD1Eab\u00e9")).containsExactly("\uD834\uDD1Eab@0", "ab\u00e9@1");
    }

    @Test
    void trigramsAcrossTheSeparatorAreLeftOutAndTheirPositionsKept() throws IOException {
        assertThat(tokens("abc\uFFFFdef")).containsExactly("abc@0", "def@4");
        assertThat(tokens("\uFFFFxyz")).containsExactly("xyz@1");
    }

    @Test
    void aNeedleIsItsTrigramsInOrder() {
        assertThat(TrigramTokens.of("abcd")).containsExactly("abc", "bcd");
        assertThat(TrigramTokens.of("ab")).isEmpty();
    }

    private static List<String> tokens(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TrigramTokens tokens = new TrigramTokens(text)) {
            CharTermAttribute term = tokens.getAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = tokens.getAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            int position = -1;
            while (tokens.incrementToken()) {
                position += increment.getPositionIncrement();
                out.add(term + "@" + position);
            }
            tokens.end();
        }
        return out;
    }
}
