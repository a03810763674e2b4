package org.courriel.managesieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.courriel.store.sieve.SieveScriptInfo;
import org.junit.jupiter.api.Test;

/** RFC 5804's examples and refusals, over a real connection. */
class ManageSieveTranscriptTest extends ManageSieveTestSupport {

    private static String literal(String script) {
        return "{" + script.getBytes(StandardCharsets.UTF_8).length + "+}\r\n" + script;
    }

    @Test
    void greetingListsTheCapabilities() throws Exception {
        try (Client c = new Client()) {
            List<String> greeting = c.response();
            assertThat(greeting).contains("\"IMPLEMENTATION\" \"Courriel\"", "\"SASL\" \"PLAIN\"", "\"STARTTLS\"",
                    "\"VERSION\" \"1.0\"", "\"MAXREDIRECTS\" \"4\"");
            assertThat(greeting).anyMatch(l -> l.startsWith("\"SIEVE\" \"fileinto ") && l.contains("vacation")
                    && l.contains(" variables body date index spamtest spamtestplus duplicate include\""));
            assertThat(greeting.getLast()).startsWith("OK");
        }
    }

    @Test
    void aScriptIncludingOneNotUploadedYetIsAccepted() throws Exception {
        // RFC 6609 §3.2: whether an included script exists is known only when the script runs.
        try (Client c = new Client().login()) {
            c.send("CHECKSCRIPT " + literal("require [\"include\", \"variables\"];\r\ninclude \"later\";\r\n"));
            assertThat(c.status()).startsWith("OK");
        }
    }

    @Test
    void putListActivateGetRenameDelete() throws Exception {
        String script = "require \"fileinto\";\r\nif header :contains \"List-Id\" \"dev\" { fileinto \"Lists\"; }\r\n";
        try (Client c = new Client().login()) {
            // RFC 5804 §2.6: an invalid script is refused, naming its line.
            c.send("PUTSCRIPT \"bad\" " + literal("keep;\r\nfileinto \"x\";\r\n"));
            assertThat(c.status()).startsWith("NO").contains("line 2").contains("require \\\"fileinto\\\"");
            c.send("PUTSCRIPT \"mysievescript\" " + literal(script));
            assertThat(c.status()).startsWith("OK");
            c.send("SETACTIVE \"mysievescript\"");
            assertThat(c.status()).startsWith("OK");
            c.send("LISTSCRIPTS");
            assertThat(c.response()).containsExactly("\"mysievescript\" ACTIVE", "OK \"Listscripts completed\"");
            c.send("GETSCRIPT \"mysievescript\"");
            List<String> got = c.response();
            assertThat(got.getFirst()).isEqualTo("{" + script.length() + "}");
            assertThat(String.join("\r\n", got.subList(1, got.size() - 1))).isEqualTo(script);
            c.send("DELETESCRIPT \"mysievescript\"");
            assertThat(c.status()).startsWith("NO (ACTIVE)");
            c.send("RENAMESCRIPT \"mysievescript\" \"main\"");
            assertThat(c.status()).startsWith("OK");
            c.send("RENAMESCRIPT \"nope\" \"other\"");
            assertThat(c.status()).startsWith("NO (NONEXISTENT)");
            c.send("GETSCRIPT \"mysievescript\"");
            assertThat(c.status()).startsWith("NO (NONEXISTENT)");
            c.send("SETACTIVE \"\"");
            assertThat(c.status()).startsWith("OK");
            c.send("DELETESCRIPT \"main\"");
            assertThat(c.status()).startsWith("OK");
            c.send("LOGOUT");
            assertThat(c.status()).startsWith("OK");
        }
        assertThat(scripts.list(account.id())).isEmpty();
    }

    @Test
    void haveSpaceAndCheckScriptAnswerWithoutStoring() throws Exception {
        try (Client c = new Client().login()) {
            c.send("HAVESPACE \"myscript\" 999999");
            assertThat(c.status()).startsWith("NO (QUOTA/MAXSIZE)");
            c.send("HAVESPACE \"myscript\" 100");
            assertThat(c.status()).startsWith("OK");
            c.send("CHECKSCRIPT " + literal("if true {\r\n  frob;\r\n}\r\n"));
            assertThat(c.status()).startsWith("NO").contains("line 2");
            c.send("CHECKSCRIPT " + literal("keep;"));
            assertThat(c.status()).startsWith("OK");
            for (int i = 0; i < 3; i++) {
                c.send("PUTSCRIPT \"s" + i + "\" " + literal("keep;"));
                assertThat(c.status()).startsWith("OK");
            }
            c.send("PUTSCRIPT \"s3\" " + literal("keep;"));
            assertThat(c.status()).startsWith("NO (QUOTA/MAXSCRIPTS)");
            c.send("NOOP");
            assertThat(c.status()).startsWith("OK");
            c.send("NOOP \"STARTTLS-RESYNC-CAPA\"");
            assertThat(c.status()).isEqualTo("OK (TAG \"STARTTLS-RESYNC-CAPA\") \"Done\"");
        }
        assertThat(scripts.list(account.id())).extracting(SieveScriptInfo::name).containsExactly("s0", "s1", "s2");
    }

    @Test
    void commandsBeforeLoginAndBadCredentialsAreRefused() throws Exception {
        try (Client c = new Client()) {
            c.response();
            c.send("LISTSCRIPTS");
            assertThat(c.status()).startsWith("NO");
            c.send("FROBNICATE");
            assertThat(c.status()).startsWith("NO");
            String wrong = java.util.Base64.getEncoder().encodeToString(("\0" + user + "\0wrong").getBytes());
            c.send("AUTHENTICATE \"PLAIN\" \"" + wrong + "\"");
            assertThat(c.status()).startsWith("NO");
            c.send("AUTHENTICATE \"PLAIN\" \"!!notbase64\"");
            assertThat(c.status()).startsWith("NO");
            // Without an initial response the server asks with an empty challenge (RFC 5804 §2.1).
            c.send("AUTHENTICATE \"PLAIN\"");
            assertThat(c.in.readLine()).isEqualTo("\"\"");
            c.send("\"" + plain() + "\"");
            assertThat(c.status()).startsWith("OK");
        }
    }

    @Test
    void literalPastThePreLoginBoundEndsTheConnectionUnread() throws Exception {
        try (Client c = new Client()) {
            c.response();
            c.send("AUTHENTICATE \"PLAIN\" {100000000+}");
            assertThat(c.status()).startsWith("BYE");
            assertThat(c.in.readLine()).isNull();
        }
    }

    @Test
    void scriptPastTheSizeBoundIsRefused() throws Exception {
        try (Client c = new Client().login()) {
            c.send("PUTSCRIPT \"big\" " + literal("#" + "x".repeat(2100) + "\r\nkeep;"));
            assertThat(c.status()).startsWith("NO (QUOTA/MAXSIZE)");
        }
    }
}
