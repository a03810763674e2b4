package org.courriel.api.message;

import org.courriel.api.ApiConfiguration;
import org.courriel.api.mailbox.AccountMailboxes;
import org.courriel.api.problem.ApiException;
import org.courriel.api.problem.ProblemType;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.mailbox.AccessibleMailbox;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.SpecialUse;
import org.courriel.store.message.CopyResult;
import org.courriel.store.message.FlagChange;
import org.courriel.store.message.FlagUpdate;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.UidSet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Changes to the caller's messages: flags and keywords (IMAP STORE), move, copy and delete. Every change goes
 * through {@link MessageService}, so IMAP sessions (IDLE included) see it through the same change events,
 * with the same UIDs and MODSEQs.
 */
@RestController
@Tag(name = "Messages")
@SecurityRequirement(name = ApiConfiguration.BASIC_AUTH)
public class MessageChangeController {

    private final AccountMailboxes mailboxes;
    private final AccountMessages access;
    private final MessageService messages;

    public MessageChangeController(AccountMailboxes mailboxes, AccountMessages access, MessageService messages) {
        this.mailboxes = mailboxes;
        this.access = access;
        this.messages = messages;
    }

    @PostMapping(path = "/api/v1/messages/{id}/flags", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Set or clear flags and keywords", description = "Adds and removes flags, or sets them all. "
            + "409 when unchangedSince is given and the message changed since (RFC 7162).")
    public FlagsView flags(@AuthenticationPrincipal AccountInfo me, @PathVariable String id,
            @RequestBody FlagsRequest request) {
        AccountMessages.Located m = access.get(me, id);
        long uid = m.message().uid();
        FlagChange change;
        if (request.set() != null) {
            if (request.add() != null || request.remove() != null) {
                throw ApiException.invalid("set", "give either set, or add and remove");
            }
            change = new FlagChange(FlagChange.Mode.REPLACE, FlagNames.parse(request.set(), "set"));
        } else {
            Flags add = FlagNames.parse(request.add(), "add");
            Flags remove = FlagNames.parse(request.remove(), "remove");
            boolean adding = add.system() != 0 || !add.keywords().isEmpty();
            boolean removing = remove.system() != 0 || !remove.keywords().isEmpty();
            change = adding ? FlagChange.addAndRemove(add, remove)
                    : removing ? new FlagChange(FlagChange.Mode.REMOVE, remove) : null;
        }
        if (change == null) {
            return new FlagsView(id, m.message().flags().names(), m.message().modseq());
        }
        // RFC 4314 §4: the flags the caller's rights do not cover are left out; none at all is 403
        FlagUpdate update = messages.storeFlags(m.mailbox().id(), m.rights(), UidSet.of(uid), change,
                request.unchangedSince());
        if (update.modified().contains(uid)) {
            throw new ApiException(ProblemType.CONFLICT, "the message changed since MODSEQ " + request.unchangedSince(),
                    "unchangedSince");
        }
        FlagUpdate.MessageFlags now = update.of(uid).orElseThrow(() -> ApiException.notFound("no such message"));
        return new FlagsView(id, now.flags().names(), now.modseq());
    }

    @PostMapping(path = "/api/v1/messages/{id}/move", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Move a message to another mailbox", description = "IMAP MOVE (RFC 6851): the message gets "
            + "a new UID, hence a new id, in the destination.")
    public MessageRef move(@AuthenticationPrincipal AccountInfo me, @PathVariable String id,
            @RequestBody MailboxTarget target) {
        AccountMessages.Located m = access.get(me, id);
        AccessibleMailbox destination = mailboxes.target(me, target.mailbox(), "mailbox");
        if (destination.id() == m.mailbox().id()) {
            throw ApiException.invalid("mailbox", "the message is in that mailbox already");
        }
        return ref(destination.mailbox(), messages.move(m.mailbox().id(), m.rights(), UidSet.of(m.message().uid()),
                destination.id(), destination.rights()));
    }

    @PostMapping(path = "/api/v1/messages/{id}/copy", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Copy a message to a mailbox", description = "IMAP COPY: the copy has its own UID and id.")
    public ResponseEntity<MessageRef> copy(@AuthenticationPrincipal AccountInfo me, @PathVariable String id,
            @RequestBody MailboxTarget target) {
        AccountMessages.Located m = access.get(me, id);
        AccessibleMailbox destination = mailboxes.target(me, target.mailbox(), "mailbox");
        MessageRef copy = ref(destination.mailbox(), messages.copy(m.mailbox().id(), UidSet.of(m.message().uid()),
                destination.id(), destination.rights()));
        return ResponseEntity.status(201).header(HttpHeaders.LOCATION, "/api/v1/messages/" + copy.id()).body(copy);
    }

    @DeleteMapping(path = "/api/v1/messages/{id}", produces = "application/json")
    @Operation(summary = "Delete a message", description = "Moves it to Trash; expunges it when expunge=true or "
            + "when it is in Trash already.")
    public MessageRef delete(@AuthenticationPrincipal AccountInfo me, @PathVariable String id,
            @Parameter(description = "Remove for good instead of moving to Trash")
            @RequestParam(defaultValue = "false") boolean expunge) {
        AccountMessages.Located m = access.get(me, id);
        long uid = m.message().uid();
        MailboxInfo trash = expunge ? null : mailboxes.special(me, SpecialUse.TRASH, "Trash").orElse(null);
        if (trash == null || trash.id() == m.mailbox().id()) {
            messages.remove(m.mailbox().id(), m.rights(), UidSet.of(uid));
            return new MessageRef(null, m.mailbox().id(), uid, true);
        }
        return ref(trash, messages.move(m.mailbox().id(), m.rights(), UidSet.of(uid), trash.id(),
                org.courriel.store.acl.Rights.ALL));
    }

    private static MessageRef ref(MailboxInfo destination, CopyResult result) {
        if (result.isEmpty()) {
            throw ApiException.notFound("no such message");
        }
        long uid = result.destinationUids().get(0);
        return new MessageRef(new MessageId(destination.id(), result.destinationUidValidity(), uid).encode(),
                destination.id(), uid, false);
    }
}
