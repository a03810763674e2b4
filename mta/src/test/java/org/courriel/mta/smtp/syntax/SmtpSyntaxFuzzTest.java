package org.courriel.mta.smtp.syntax;

import java.nio.charset.StandardCharsets;

import org.courriel.mta.smtp.reply.Reply;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Command lines as a client writes them (RFC 5321 §4.1.1): the verb split, then for MAIL and RCPT the path
 * (§4.1.2) and the ESMTP parameters (§4.1.2 esmtp-param). Each step gives a value or a
 * {@link SmtpSyntaxException}, never another exception.
 */
class SmtpSyntaxFuzzTest {

    @FuzzTest
    void commandLinesSplitAndPathsParseOrAreSyntaxErrors(byte[] input) {
        CommandLine line = CommandLine.parse(new String(input, StandardCharsets.UTF_8));
        String keyword = switch (line.verb()) {
            case "MAIL" -> "FROM";
            case "RCPT" -> "TO";
            default -> null;
        };
        if (keyword == null) {
            return;
        }
        try {
            PathParser.Parsed parsed = PathParser.parse(line.arguments(), keyword, Reply.SYNTAX_ERROR);
            parsed.path().isAscii();
            parsed.path().isNull();
            EsmtpParameters.parse(parsed.parameters()).forEach((name, value) -> {
                EsmtpParameters.isXtext(value);
                EsmtpParameters.upper(value);
            });
        } catch (SmtpSyntaxException expected) {
            // 501 / 553 / 555
        }
    }
}
