package org.courriel.mta.spam.rspamd;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

/** The envelope reaches rspamd as HTTP header values, which cannot carry what SMTPUTF8 allows in an address. */
class RspamdRequestHeadersTest {

    @Test
    void anAddressThatIsNotAsciiIsLeftOutNotAnError() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:11333/checkv2"));
        RspamdFilter.header(builder, "From", "józef@przykład.example"); // RFC 6531: the JDK refuses it in a header
        RspamdFilter.header(builder, "Rcpt", "用户@例子.example");
        RspamdFilter.header(builder, "Rcpt", "bob@example.org");
        RspamdFilter.header(builder, "Helo", "");
        var headers = builder.GET().build().headers();
        assertThat(headers.firstValue("From")).isEmpty();
        assertThat(headers.allValues("Rcpt")).containsExactly("bob@example.org");
        assertThat(headers.firstValue("Helo")).isEmpty();
    }
}
