package org.courriel.api.autoconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.courriel.api.problem.ApiException;
import org.courriel.api.problem.ProblemType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutodiscoverRequestTest {

    private static String parse(String xml) {
        return AutodiscoverRequest.parse(xml.getBytes(StandardCharsets.UTF_8)).emailAddress();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<Autodiscover><Request><EMailAddress>bob@example.org</EMailAddress></Request></Autodiscover>",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><a:Autodiscover xmlns:a=\"urn:x\"><a:Request>"
                    + "<a:EMailAddress> bob@example.org\r\n</a:EMailAddress></a:Request></a:Autodiscover>",
            "<Autodiscover><!-- c --><Request><EMailAddress><![CDATA[bob@example.org]]></EMailAddress>"
                    + "<EMailAddress>other@example.org</EMailAddress></Request></Autodiscover>"})
    void readsTheFirstEMailAddressWhateverItsPrefix(String xml) {
        assertThat(parse(xml)).isEqualTo("bob@example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<Autodiscover><Request><EMailAddress>o&apos;hara&amp;co@example.org</EMailAddress></Request></Autodiscover>",
            "<Autodiscover><Request><EMailAddress>o&#39;hara&#x26;co@example.org</EMailAddress></Request></Autodiscover>"})
    void predefinedAndCharacterReferencesAreText(String xml) {
        assertThat(parse(xml)).isEqualTo("o'hara&co@example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not xml",
            "<Autodiscover><Request></Request></Autodiscover>",
            "<Autodiscover><Request><EMailAddress> </EMailAddress></Request></Autodiscover>",
            "<Autodiscover><Request><EMailAddress><b>x</b></EMailAddress></Request></Autodiscover>",
            "<Autodiscover><Request><EMailAddress>a@b.c</EMailAddress></Request>",
            "<Autodiscover><Request><EMailAddress>&undeclared;</EMailAddress></Request></Autodiscover>",
            "<!DOCTYPE Autodiscover><Autodiscover><Request><EMailAddress>a@b.c</EMailAddress></Request></Autodiscover>",
            "<!DOCTYPE a SYSTEM \"http://127.0.0.1:1/x.dtd\"><a><EMailAddress>a@b.c</EMailAddress></a>",
            "<!DOCTYPE a [<!ENTITY e \"a@b.c\">]><a><EMailAddress>&e;</EMailAddress></a>"})
    void anythingElseIsAnInvalidRequest(String xml) {
        assertThatThrownBy(() -> parse(xml)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.INVALID_REQUEST);
            assertThat(e.field()).isEqualTo("EMailAddress");
        });
    }

    @org.junit.jupiter.api.Test
    void readsTheAcceptableResponseSchema() {
        String outlook = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
        String mobile = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006";
        String request = "<Autodiscover><Request><EMailAddress>a@b.example</EMailAddress>"
                + "<AcceptableResponseSchema>%s</AcceptableResponseSchema></Request></Autodiscover>";
        AutodiscoverRequest parsed = AutodiscoverRequest.parse(request.formatted(outlook).getBytes(StandardCharsets.UTF_8));
        assertThat(parsed).isEqualTo(new AutodiscoverRequest("a@b.example", outlook));
        assertThat(parsed.acceptsOutlookSchema()).isTrue();
        assertThat(AutodiscoverRequest.parse(request.formatted(mobile).getBytes(StandardCharsets.UTF_8))
                .acceptsOutlookSchema()).isFalse();
        assertThat(AutodiscoverRequest.parse(("<Autodiscover><Request><EMailAddress>a@b.example</EMailAddress>"
                + "</Request></Autodiscover>").getBytes(StandardCharsets.UTF_8)).acceptsOutlookSchema()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void nestingIsBounded() {
        String deep = "<a>".repeat(AutodiscoverRequest.MAX_DEPTH + 1) + "</a>".repeat(AutodiscoverRequest.MAX_DEPTH + 1);
        assertThatThrownBy(() -> parse(deep)).isInstanceOf(ApiException.class).hasMessageContaining("nested");
    }
}
