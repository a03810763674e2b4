package org.courriel.imap.command;

import org.courriel.imap.config.ImapProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.CommandReader;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapRefusal;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever a client sends, framing (lines and literals, RFC 9051 §2.2.1) then parsing of every command gives
 * a request record, a syntax error (BAD) or an expected refusal (NO): never another exception. The input
 * is a stream of commands as on the wire; the tag and command name are read as the dispatcher reads them.
 */
class ImapCommandFuzzTest {

    private static final Map<String, ImapCommand<?>> COMMANDS = new HashMap<>();

    static {
        // the command set with the default limits, as a server without configuration has them
        ImapProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("courriel.imap", ImapProperties.class);
        for (ImapCommand<?> command : CommandSet.all(defaults)) {
            COMMANDS.put(command.name(), command);
        }
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "imap.dict")
    void everyCommandParsesToARequestOrADeclaredError(byte[] input) throws IOException {
        CommandReader reader = new CommandReader(new ByteArrayInputStream(input), 1000, 4000);
        while (reader.read(() -> { }) instanceof CommandReader.Frame frame
                && !(frame instanceof CommandReader.EndOfStream)) {
            if (frame instanceof CommandReader.Command(byte[] bytes)) {
                parse(bytes);
            }
        }
    }

    private static void parse(byte[] bytes) {
        CommandParser parser = new CommandParser(bytes);
        try {
            parser.atom();
            parser.sp();
            String name = parser.atom().toUpperCase(Locale.ROOT);
            if (name.equals("UID")) {
                parser.sp();
                name = "UID " + parser.atom().toUpperCase(Locale.ROOT);
            }
            ImapCommand<?> command = COMMANDS.get(name);
            if (command != null) {
                command.parse(parser);
            }
        } catch (ImapSyntaxException | ImapRefusal expected) {
            // BAD or NO: the declared outcomes of a client's mistake
        }
    }
}
