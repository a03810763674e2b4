package org.courriel.mta.smtp.command;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import org.courriel.mta.smtp.body.ChunkReader;
import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.session.SessionState;
import org.courriel.mta.smtp.session.CommandSession;
import org.courriel.mta.smtp.session.SmtpCommand;
import org.courriel.mta.smtp.syntax.BdatArguments;
import org.courriel.mta.smtp.syntax.BdatRequest;
import org.courriel.mta.smtp.syntax.SmtpSyntaxException;

/**
 * RFC 3030 §2 BDAT {@code size [LAST]}: a chunk of exactly {@code size} octets follows the command line.
 * The chunk is always read, even when the command is refused, so the connection stays in step.
 */
public final class BdatCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "BDAT";
    }

    @Override
    public Set<SessionState> validIn() {
        return EnumSet.allOf(SessionState.class);
    }

    @Override
    public void execute(CommandSession session, String arguments) throws IOException, SmtpSyntaxException {
        // the chunk's length unknown, the rest of the input cannot be read in step: the parser's error closes
        BdatRequest bdat = BdatArguments.parse(arguments);
        long size = bdat.size();
        session.channel().setReadTimeout(session.context().properties().dataTimeout());
        // each chunk within the data timeout plus its size at the minimum rate (421 4.4.2 past it)
        session.channel().readDeadline(session.context().properties().dataTimeout(),
                session.context().properties().minDataRate().toBytes(), false);
        if (session.state() != SessionState.RCPT) {
            new ChunkReader(0).readChunk(session.channel().in(), size);
            session.reply(session.state() == SessionState.MAIL ? Reply.NO_VALID_RECIPIENTS.reply()
                    : Reply.BAD_SEQUENCE.with("Need MAIL and RCPT before BDAT"));
            return;
        }
        ChunkReader chunks = session.transaction().chunks();
        if (chunks == null) {
            chunks = session.transaction().startChunks(session.context().properties().maxMessageSize().toBytes(),
                    session.context().contentBudget());
        }
        chunks.readChunk(session.channel().in(), size);
        session.channel().clearReadDeadline(); // storing the message (BDAT LAST) is not under it
        if (chunks.tooBig()) {
            // RFC 3030 §4.2 / RFC 1870: fail the transaction as soon as the limit is passed.
            session.resetTransaction();
            session.context().metrics().messageRejected("too-big");
            session.reply(Reply.MESSAGE_TOO_BIG);
            return;
        }
        if (chunks.overBudget()) {
            // Too many large messages in flight on this node: the transaction fails as temporary (RFC 3030 §4.2).
            session.resetTransaction();
            session.context().metrics().messageRejected("memory");
            session.reply(Reply.SYSTEM_FULL);
            return;
        }
        if (bdat.last()) {
            session.finishMessage(chunks.body());
        } else {
            session.reply(Reply.CHUNK_OK.with(size + " octets received"));
        }
    }
}
