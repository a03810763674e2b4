package org.courriel.api.autoconfig;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTest {

    @Test
    void escapesThePredefinedEntities() {
        assertThat(Xml.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
    }

    @Test
    void keepsUnicodeAndReplacesWhatXmlCannotCarry() {
        assertThat(Xml.escape("caf\u00e9 \uD83D\uDCE7\t")).isEqualTo("caf\u00e9 \uD83D\uDCE7\t");
        assertThat(Xml.escape("a\u0000b\u001bc\uD800d\uFFFEe")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
    }
}
