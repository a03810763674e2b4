package org.courriel.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SearchContexts;
import org.courriel.imap.session.SessionState;

/**
 * CANCELUPDATE (RFC 5267 §4.3.5): no more updates for the contexts the tags name. {@code command-select =/
 * "CANCELUPDATE" 1*(SP quoted)} (§5). A tag that names no updating context is refused with BAD and nothing is
 * cancelled.
 */
public final class CancelUpdateCommand implements ImapCommand<CancelUpdateCommand.Request> {

    /** The tags, at most as many as there can be contexts, plus one to refuse. */
    public record Request(List<String> tags) {
    }

    @Override
    public String name() {
        return "CANCELUPDATE";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.SELECT;
    }

    @Override
    public Request parse(CommandParser args) {
        List<String> tags = new ArrayList<>();
        do {
            args.sp();
            if (tags.size() > SearchContexts.MAX) {
                throw new org.courriel.imap.protocol.ImapSyntaxException("more tags than there can be contexts");
            }
            tags.add(args.string());
        } while (!args.atEnd());
        return new Request(List.copyOf(tags));
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        SearchContexts contexts = session.selected().contexts();
        for (String tag : request.tags()) {
            if (!contexts.has(tag)) {
                return Completion.bad("No updating context has the tag " + tag.replaceAll("[^\\x21-\\x7e]", "?"));
            }
        }
        request.tags().forEach(contexts::cancel);
        return Completion.ok("CANCELUPDATE completed");
    }
}
