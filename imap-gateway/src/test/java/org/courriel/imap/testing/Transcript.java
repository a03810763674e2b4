package org.courriel.imap.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.net.ssl.SSLSocket;

import org.courriel.store.testing.TestTls;

/**
 * Runs a protocol script against the server. Lines:
 * <ul>
 * <li>{@code C: text}: the client sends the text and CRLF ({@code ${name}} replaced by a variable)</li>
 * <li>{@code S: regex}: the next server line must match the regular expression (whole line)</li>
 * <li>{@code S~ regex}: consecutive such lines match the next server lines in any order</li>
 * <li>a named group {@code (?<name>...)} in an {@code S:} regex sets the variable {@code ${name}} for later lines</li>
 * <li>{@code [name] C:} / {@code [name] S:}: the same on another session ({@code [main]} is the default one)</li>
 * <li>{@code !hook argument}: the test's hook runs (append a message as a delivery would, remember a value…)</li>
 * <li>{@code !starttls}: the session's client starts TLS on its connection (after the server's OK to STARTTLS),
 * trusting the test certificate ({@link TestTls})</li>
 * <li>lines starting with {@code #} and blank lines are ignored</li>
 * </ul>
 */
public final class Transcript {

    /** What a script can ask of the test besides the protocol. */
    public interface Hooks {
        void run(String command, String argument, Map<String, String> variables) throws Exception;
    }

    private final int port;
    private final Map<String, String> variables;
    private final Hooks hooks;
    private final Map<String, ImapClient> sessions = new HashMap<>();

    public Transcript(int port, Map<String, String> variables, Hooks hooks) {
        this.port = port;
        this.variables = variables;
        this.hooks = hooks;
    }

    public static String resource(String name) {
        try (InputStream in = Transcript.class.getResourceAsStream("/transcripts/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no transcript " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void run(String script) throws Exception {
        String[] lines = script.split("\r?\n");
        try {
            for (int i = 0; i < lines.length; i++) {
                String raw = lines[i];
                if (raw.isBlank() || raw.startsWith("#")) {
                    continue;
                }
                String session = "main";
                String line = raw;
                if (line.startsWith("[")) {
                    session = line.substring(1, line.indexOf(']'));
                    line = line.substring(line.indexOf(']') + 1).stripLeading();
                }
                if (line.equals("!starttls")) {
                    startTls(session(session));
                    continue;
                }
                if (line.startsWith("!")) {
                    int space = line.indexOf(' ');
                    hooks.run(line.substring(1, space < 0 ? line.length() : space),
                            space < 0 ? "" : substitute(line.substring(space + 1)), variables);
                    continue;
                }
                ImapClient client = session(session);
                String body = line.length() > 3 ? line.substring(3) : "";
                if (line.startsWith("C: ")) {
                    client.send(substitute(body));
                } else if (line.startsWith("S: ")) {
                    expect(client, List.of(body), i + 1, raw);
                } else if (line.startsWith("S~ ")) {
                    List<String> group = new ArrayList<>();
                    group.add(body);
                    while (i + 1 < lines.length && lines[i + 1].startsWith(prefix(raw) + "S~ ")) {
                        i++;
                        group.add(lines[i].substring(prefix(raw).length() + 3));
                    }
                    expect(client, group, i + 1, raw);
                } else {
                    fail("line " + (i + 1) + " of the script is neither C:, S: nor S~: " + raw);
                }
            }
        } finally {
            for (ImapClient c : sessions.values()) {
                c.close();
            }
        }
    }

    private void startTls(ImapClient client) throws IOException {
        SSLSocket tls = (SSLSocket) TestTls.clientContext().getSocketFactory()
                .createSocket(client.socket(), "127.0.0.1", port, true);
        tls.startHandshake();
        client.upgrade(tls);
    }

    private static String prefix(String raw) {
        return raw.startsWith("[") ? raw.substring(0, raw.indexOf(']') + 1) + " " : "";
    }

    private ImapClient session(String name) throws IOException {
        ImapClient c = sessions.get(name);
        if (c == null) {
            c = new ImapClient(port);
            sessions.put(name, c);
        }
        return c;
    }

    private void expect(ImapClient client, List<String> regexes, int lineNumber, String raw) throws IOException {
        List<Pattern> open = new ArrayList<>();
        for (String r : regexes) {
            open.add(Pattern.compile(substitute(r)));
        }
        while (!open.isEmpty()) {
            String got;
            try {
                got = client.readLine();
            } catch (java.net.SocketTimeoutException e) {
                fail("script line " + lineNumber + ": no answer, expected " + raw);
                return;
            }
            if (got == null) {
                fail("script line " + lineNumber + ": connection closed, expected " + raw);
            }
            boolean matched = open.removeIf(p -> false);
            for (int k = 0; k < open.size(); k++) {
                java.util.regex.Matcher m = open.get(k).matcher(got);
                if (m.matches()) {
                    for (String group : open.get(k).namedGroups().keySet()) {
                        variables.put(group, m.group(group));
                    }
                    open.remove(k);
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                fail("script line " + lineNumber + ": server sent\n  " + got + "\nexpected one of\n  " + open);
            }
        }
    }

    private String substitute(String text) {
        String result = text;
        for (Map.Entry<String, String> v : variables.entrySet()) {
            result = result.replace("${" + v.getKey() + "}", v.getValue());
        }
        return result;
    }
}
