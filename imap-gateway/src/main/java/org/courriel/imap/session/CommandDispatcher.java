package org.courriel.imap.session;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.Status;

/**
 * Reads the tag and the command name, checks once that the command is valid in the session's state
 * (RFC 9051 §3), parses and runs it, sends the pending updates the command allows, then the tagged reply.
 */
public class CommandDispatcher {

    private final Map<String, ImapCommand<?>> commands = new HashMap<>();

    /** @param commands every command the server knows, given by the configuration ({@code CommandSet}) */
    public CommandDispatcher(List<ImapCommand<?>> commands) {
        for (ImapCommand<?> c : commands) {
            this.commands.put(c.name(), c);
        }
    }

    public void dispatch(byte[] bytes, ChannelImapSession session) {
        long started = System.nanoTime();
        CommandParser parser = new CommandParser(bytes);
        String tag;
        String name;
        try {
            tag = parser.atom();
            if (tag.indexOf('+') >= 0) {
                throw new ImapSyntaxException("bad tag");
            }
            parser.sp();
            name = parser.atom().toUpperCase(Locale.ROOT);
            if (name.equals("UID")) {
                parser.sp();
                name = "UID " + parser.atom().toUpperCase(Locale.ROOT);
            }
        } catch (ImapSyntaxException e) {
            String line = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.US_ASCII);
            String maybeTag = line.contains(" ") ? line.substring(0, line.indexOf(' ')) : null;
            boolean validTag = maybeTag != null && !maybeTag.isEmpty() && maybeTag.chars().allMatch(c -> c > 0x20 && c < 0x7f
                    && "(){%*\"\\+".indexOf(c) < 0);
            session.out().status(validTag ? maybeTag : "*", Status.BAD, null, "Command line not understood");
            session.context().metrics().command("unknown", "BAD", started);
            return;
        }
        session.currentTag(tag);
        ImapCommand<?> command = commands.get(name);
        if (command == null) {
            session.out().status(tag, Status.BAD, null, "Unknown command " + name);
            session.context().metrics().command("unknown", "BAD", started);
            return;
        }
        Completion done;
        if (!command.validIn().contains(session.state())) {
            done = Completion.bad(name + " is not valid in state " + session.state());
        } else {
            done = run(command, parser, session);
        }
        if (done.status() != Status.BAD || session.state() == SessionState.SELECTED) {
            try {
                session.flushUpdates(command.allowsExpungeResponses());
            } catch (RuntimeException e) {
                // the command's own work is done and its completion stands; the updates come at a later command
                FailureMapping.afterCompletion(e, name);
            }
        }
        if (done.status() == Status.BYE) {
            // the connection is gone (Completion.connectionClosed): a normal end, with no tagged reply to send
            session.context().metrics().command(name, Status.OK.name(), started);
            return;
        }
        session.out().status(tag, done.status(), done.code(), done.text());
        session.context().metrics().command(name, done.status().name(), started);
        if (done.afterReply() != null) {
            session.out().flush();
            done.afterReply().run();
        }
    }

    private static <R> Completion run(ImapCommand<R> command, CommandParser parser, ImapSession session) {
        R request;
        try {
            request = command.parse(parser);
        } catch (RuntimeException e) {
            return FailureMapping.of(e, command.name());
        }
        try {
            return command.process(request, session);
        } catch (RuntimeException e) {
            return FailureMapping.of(e, command.name());
        }
    }

    /** The names of every command this server knows (for tests and documentation). */
    public List<String> names() {
        return commands.keySet().stream().sorted().toList();
    }
}
