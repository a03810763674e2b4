package org.courriel.mta.smtp.session;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.reply.StoreReplies;
import org.courriel.mta.smtp.syntax.CommandLine;
import org.courriel.mta.smtp.syntax.SmtpSyntaxException;
import org.courriel.store.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the command of a line by its verb, checks once that it is valid in the session's state, runs it, and
 * turns its failures into replies in one place: bad syntax 501/555 (the exception's reply), a store refusal
 * its 4xx/5xx, a bug 451 4.3.0 and an error log; the session goes on in every case.
 */
public final class SmtpDispatcher {

    private static final Logger log = LoggerFactory.getLogger(SmtpDispatcher.class);

    private final Map<String, SmtpCommand> commands;

    /** @param commands the commands this server implements, given by the configuration */
    public SmtpDispatcher(List<SmtpCommand> commands) {
        this.commands = commands.stream().collect(Collectors.toUnmodifiableMap(SmtpCommand::verb, Function.identity()));
    }

    public void dispatch(String line, CommandSession session) throws IOException {
        CommandLine command = CommandLine.parse(line);
        SmtpCommand handler = commands.get(command.verb());
        if (handler == null) {
            session.reply(Reply.COMMAND_UNRECOGNIZED); // RFC 5321 §4.2.4
            return;
        }
        if (!handler.validIn().contains(session.state())) {
            session.reply(Reply.BAD_SEQUENCE.with(handler.sequenceHint(session.state()))); // RFC 5321 §4.1.4
            return;
        }
        try {
            handler.execute(session, command.arguments());
        } catch (SmtpSyntaxException e) {
            // RFC 5321 §4.2.2 501, RFC 1869 §6 555 for an unknown parameter; RFC 3463 X.5.4
            handler.syntaxRefused(session.context().metrics());
            session.reply(e.toReply());
            if (e.closesSession()) {
                session.close();
            }
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            var refusal = StoreReplies.forFailure(e);
            if (refusal.isPresent()) {
                log.warn("Session {}: {} failed in the store: {}", session.id(), command.verb(),
                        DatabaseUnavailable.describe(e));
                session.reply(refusal.get());
                return;
            }
            log.error("Session {}: {} failed", session.id(), command.verb(), e);
            session.reply(Reply.LOCAL_ERROR);
        }
    }
}
