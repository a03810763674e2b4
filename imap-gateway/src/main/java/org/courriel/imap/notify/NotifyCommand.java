package org.courriel.imap.notify;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/**
 * NOTIFY SET and NOTIFY NONE (RFC 5465 §3.1). SET replaces the session's settings: from then on the events of
 * the mailboxes its groups name are written as they happen, whether a command runs or not, and those of the
 * selected mailbox only as its SELECTED or SELECTED-DELAYED group says (none without one), IDLE included (§4).
 * The implicit NOOP of §3.1 is the update flush every command ends with.
 */
public final class NotifyCommand implements ImapCommand<NotifyRequest> {

    @Override
    public String name() {
        return "NOTIFY";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public NotifyRequest parse(CommandParser args) {
        return NotifyParser.parse(args);
    }

    @Override
    public Completion process(NotifyRequest request, ImapSession session) {
        if (request.none()) {
            session.notifications(null);
            return Completion.ok("NOTIFY completed, no more events");
        }
        boolean annotations = request.groups().stream().anyMatch(g -> g.events().contains(NotifyEvent.ANNOTATION_CHANGE))
                || (request.selected() != null && request.selected().events().contains(NotifyEvent.ANNOTATION_CHANGE));
        if (!request.unknownEvents().isEmpty() || annotations) {
            // RFC 5465 §3.1: NO, not BAD, with BADEVENT listing every event supported; the settings stay as they were
            return Completion.no(ResponseCode.BADEVENT.with(NotifyEvent.supportedList()), "Unsupported NOTIFY event");
        }
        NotifySubscription subscription = NotifySubscription.start(session, request);
        session.notifications(subscription);
        if (request.status()) {
            subscription.statusResponses();
        }
        return Completion.ok("NOTIFY completed");
    }
}
