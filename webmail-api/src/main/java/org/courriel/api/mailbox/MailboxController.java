package org.courriel.api.mailbox;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.courriel.api.ApiConfiguration;
import org.courriel.api.problem.ApiException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxName;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.mailbox.SpecialUse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's mailboxes: list with counters, create, rename, (un)subscribe and delete (RFC 9051 §6.3.4-§6.3.8 rules). */
@RestController
@RequestMapping(path = "/api/v1/mailboxes", produces = "application/json")
@Tag(name = "Mailboxes", description = "The folders of the authenticated account")
@SecurityRequirement(name = ApiConfiguration.BASIC_AUTH)
public class MailboxController {

    private static final Logger log = LoggerFactory.getLogger(MailboxController.class);

    private final MailboxService mailboxes;
    private final AccountMailboxes access;

    public MailboxController(MailboxService mailboxes, AccountMailboxes access) {
        this.mailboxes = mailboxes;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "List the mailboxes", description = "Every mailbox of the account, by name, with its "
            + "counters; then those other accounts shared with it and it may read (RFC 4314 \"r\"), named as IMAP "
            + "shows them: \"Other Users/bob/Projects\", \"Shared Folders/info\".")
    public List<MailboxView> list(@AuthenticationPrincipal AccountInfo me) {
        Set<String> subscribed = mailboxes.subscriptions(me.id());
        return access.readable(me).stream().map(m -> MailboxView.of(m.name(), m.mailbox(),
                mailboxes.status(m.id()), subscribed.contains(m.name()), m.rights())).toList();
    }

    @GetMapping("/{mailboxId}")
    @Operation(summary = "Get one mailbox with its counters")
    public MailboxView get(@AuthenticationPrincipal AccountInfo me,
            @Parameter(description = "Mailbox id", example = "12") @PathVariable long mailboxId) {
        var m = access.readable(me, mailboxId);
        return MailboxView.of(m.name(), m.mailbox(), mailboxes.status(m.id()),
                mailboxes.subscriptions(me.id()).contains(m.name()), m.rights());
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Create a mailbox", description = "Creates the mailbox and any missing parent. "
            + "409 when it exists already, 400 when the name is not acceptable.")
    public ResponseEntity<MailboxView> create(@AuthenticationPrincipal AccountInfo me, @RequestBody MailboxRequest request) {
        if (request.name() == null || request.name().isBlank()) {
            throw ApiException.invalid("name", "a mailbox name is required");
        }
        SpecialUse use = null;
        if (request.specialUse() != null) {
            use = SpecialUse.fromAttribute(request.specialUse());
            if (use == null) {
                throw ApiException.invalid("specialUse", "not an RFC 6154 special use: " + request.specialUse());
            }
        }
        // the API subscribes what it creates unless told not to (IMAP CREATE has its own setting); a subscription
        // that fails does not fail the request, the mailbox exists: the answer says it is not subscribed
        MailboxInfo created = mailboxes.create(me.id(), request.name(), use, !Boolean.FALSE.equals(request.subscribed()));
        return ResponseEntity.created(URI.create("/api/v1/mailboxes/" + created.id())).body(view(created));
    }

    @PatchMapping(path = "/{mailboxId}", consumes = "application/json")
    @Operation(summary = "Rename or (un)subscribe a mailbox", description = "Renaming moves the mailbox's children "
            + "with it. Renaming INBOX moves its messages into a new mailbox and leaves INBOX empty (RFC 9051 §6.3.6); "
            + "the answer is then the new mailbox.")
    public MailboxView update(@AuthenticationPrincipal AccountInfo me, @PathVariable long mailboxId,
            @RequestBody MailboxRequest request) {
        MailboxInfo mailbox = access.own(me, mailboxId);
        if (request.specialUse() != null) {
            throw ApiException.invalid("specialUse", "the special use is set when the mailbox is created");
        }
        if (request.name() != null && !request.name().equals(mailbox.name())) {
            String before = mailbox.name();
            mailboxes.rename(me.id(), before, request.name());
            try {
                moveSubscriptions(me.id(), before, mailboxes.get(me.id(), request.name()).name());
            } catch (RuntimeException e) {
                // the rename is made and answered; the client sees the subscription state in the answer
                log.info("Mailbox {} of account {} renamed, its subscriptions not moved: {}", before, me.id(),
                        e.toString());
            }
            mailbox = mailbox.isInbox() ? mailboxes.get(me.id(), request.name()) : access.own(me, mailboxId);
        }
        if (request.subscribed() != null) {
            mailboxes.setSubscribed(me.id(), mailbox.name(), request.subscribed());
        }
        return view(mailbox);
    }

    @DeleteMapping("/{mailboxId}")
    @Operation(summary = "Delete a mailbox and its messages", description = "409 for INBOX and for a mailbox that "
            + "has children (delete those first).")
    public ResponseEntity<Void> delete(@AuthenticationPrincipal AccountInfo me, @PathVariable long mailboxId) {
        MailboxInfo mailbox = access.own(me, mailboxId);
        mailboxes.delete(me.id(), mailbox.name());
        return ResponseEntity.noContent().build();
    }

    /**
     * IMAP RENAME leaves subscriptions on the old names (RFC 9051 §6.3.6); the API renames as a client that keeps
     * them in sync does, moving the subscriptions of the mailbox and its children to the new names.
     */
    private void moveSubscriptions(long accountId, String from, String to) {
        if (from.equals(MailboxName.INBOX)) {
            return; // INBOX stays, its messages moved: its subscription stays too
        }
        for (String name : mailboxes.subscriptions(accountId)) {
            if (name.equals(from) || name.startsWith(from + MailboxName.DELIMITER)) {
                mailboxes.unsubscribe(accountId, name);
                mailboxes.subscribe(accountId, to + name.substring(from.length()));
            }
        }
    }

    private MailboxView view(MailboxInfo m) {
        return view(m, mailboxes.subscriptions(m.accountId()));
    }

    private MailboxView view(MailboxInfo m, Set<String> subscribed) {
        return MailboxView.of(m, mailboxes.status(m.id()), subscribed.contains(m.name()));
    }
}
