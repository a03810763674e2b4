package org.courriel.mta.smtp.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceHeadersTest {

    private static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 11, 23, 18, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void receivedNamesTheSingleRecipientAndFolds() throws Exception {
        assertThat(TraceHeaders.received("crepes.fr", InetAddress.getByName("127.0.0.1"), "mx.hamburger.edu", "ESMTPS",
                "abc", List.of("bob@hamburger.edu"), WHEN)).isEqualTo(
                "Received: from crepes.fr ([127.0.0.1])\r\n\tby mx.hamburger.edu (Courriel) with ESMTPS id abc\r\n"
                        + "\tfor <bob@hamburger.edu>;\r\n\tMon, 23 Nov 2026 18:00:00 +0000\r\n");
    }

    @Test
    void receivedNamesTheForwardConfirmedClientName() throws Exception {
        assertThat(TraceHeaders.received("crepes.fr", InetAddress.getByName("192.0.2.7"), "mail.crepes.fr",
                "mx.hamburger.edu", "ESMTP", "abc", List.of(), WHEN))
                .startsWith("Received: from crepes.fr (mail.crepes.fr [192.0.2.7])\r\n");
    }

    @Test
    void receivedHidesSeveralRecipientsAndNeutralisesLineBreaksInHelo() throws Exception {
        String received = TraceHeaders.received("evil\r\nX-Injected: 1", InetAddress.getByName("::1"), "mx", "SMTP", "i",
                List.of("a@b.example", "c@d.example"), WHEN);
        assertThat(received).doesNotContain("for <").doesNotContain("\r\nX-Injected").contains("([IPv6:0:0:0:0:0:0:0:1])");
    }

    @ParameterizedTest
    @CsvSource({"false,false,false,false,SMTP", "true,false,false,false,ESMTP", "true,false,true,false,ESMTPS",
            "true,false,true,true,ESMTPSA", "true,false,false,true,ESMTPA", "true,true,true,true,UTF8SMTPSA"})
    void protocolNamesFollowRfc3848AndRfc6531(boolean ehlo, boolean utf8, boolean tls, boolean auth, String name) {
        assertThat(TraceHeaders.protocol(ehlo, utf8, tls, auth)).isEqualTo(name);
    }

    @Test
    void returnPathOfABounceIsEmpty() {
        assertThat(TraceHeaders.returnPath("")).isEqualTo("Return-Path: <>\r\n");
    }
}
