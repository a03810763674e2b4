package org.courriel.mta.sieve;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.ForwardingAddress;
import org.courriel.mta.delivery.LocalFiling;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.delivery.SieveDisposition;
import org.courriel.sieve.ParsedMessage;
import org.courriel.sieve.SieveAction;
import org.courriel.sieve.SieveInterpreter;
import org.courriel.sieve.SieveRuntimeException;
import org.courriel.sieve.SieveScript;
import org.courriel.sieve.SieveSyntaxException;
import org.courriel.store.StoreException;
import org.courriel.store.StoreProperties;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.Addresses;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.Flags;
import org.courriel.store.sieve.ActiveScript;
import org.courriel.store.sieve.SieveDuplicates;
import org.courriel.store.sieve.SieveScriptService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Runs an account's active Sieve script at final delivery and says where the message goes. Nothing is ever
 * lost because of a script: a script that fails files the message into INBOX (the implicit keep, RFC 5228
 * §2.10.6) and the reason is logged.
 */
@Service
@EnableConfigurationProperties(SieveProperties.class)
public class SieveFilter implements LocalFiling {

    private static final Logger log = LoggerFactory.getLogger(SieveFilter.class);

    private final SieveScriptService scripts;
    private final MailboxService mailboxes;
    private final SieveProperties properties;
    private final String subaddressSeparator;
    private final ObjectProvider<ForwardingAddress> forwarding;
    private final SieveMetrics metrics;
    private final SieveAfterDelivery after;
    private final SieveDuplicates duplicates;

    SieveFilter(SieveScriptService scripts, MailboxService mailboxes, SieveProperties properties,
            StoreProperties store, ObjectProvider<ForwardingAddress> forwarding, SieveMetrics metrics,
            SieveAfterDelivery after, SieveDuplicates duplicates) {
        this.duplicates = duplicates;
        this.scripts = scripts;
        this.mailboxes = mailboxes;
        this.properties = properties;
        this.subaddressSeparator = store.recipientDelimiter();
        this.forwarding = forwarding;
        this.metrics = metrics;
        this.after = after;
    }

    @Override
    public void afterCommit(List<SieveDisposition> dispositions, MailEnvelope envelope, byte[] message) {
        after.run(dispositions, envelope, message);
    }

    /** Where {@code message}, for {@code rcpt}, goes in {@code account}. */
    @Override
    public SieveDisposition decide(AccountInfo account, EnvelopeRecipient rcpt, MailEnvelope envelope,
            byte[] message) {
        return decide(account, rcpt, envelope, message, scripts.active(account.id()));
    }

    /** Every copy of one message, with one look-up of the accounts' active scripts (not one per recipient). */
    @Override
    public List<SieveDisposition> decide(List<Copy> copies, MailEnvelope envelope, byte[] message) {
        if (copies.isEmpty()) {
            return List.of();
        }
        Map<Long, ActiveScript> active = scripts.active(copies.stream().map(c -> c.account().id()).toList());
        List<SieveDisposition> decided = new ArrayList<>(copies.size());
        for (Copy c : copies) {
            decided.add(decide(c.account(), c.rcpt(), envelope, message,
                    Optional.ofNullable(active.get(c.account().id()))));
        }
        return decided;
    }

    private SieveDisposition decide(AccountInfo account, EnvelopeRecipient rcpt, MailEnvelope envelope,
            byte[] message, Optional<ActiveScript> active) {
        long inbox = mailboxes.inboxId(account.id());
        if (active.isEmpty()) {
            return SieveDisposition.inbox(account, rcpt.address(), inbox);
        }
        try {
            SieveScript script = SieveScript.compile(active.get().content());
            Instant now = Instant.now();
            ParsedMessage parsed = ParsedMessage.of(message, envelope.reversePath(), rcpt.address(),
                    name -> mailboxes.find(account.id(), name).isPresent(), ZonedDateTime.ofInstant(now,
                            ZoneId.systemDefault()))
                    .withDuplicates(key -> duplicates.seen(account.id(), key, now));
            // RFC 6609: include reads the account's other scripts; Courriel keeps no global ones.
            List<SieveAction> actions = SieveInterpreter.run(script, parsed, properties.limits(), subaddressSeparator,
                    (name, global) -> global ? null : scripts.get(account.id(), name).orElse(null));
            SieveDisposition d = carryOut(account, rcpt, envelope, message, parsed, actions, inbox);
            metrics.ran("ok");
            return d;
        } catch (SieveSyntaxException | SieveRuntimeException e) {
            log.warn("Sieve script \"{}\" of {} failed, message kept in INBOX: {}", active.get().name(),
                    account.address(), e.getMessage());
            metrics.ran("failed");
        } catch (StoreException e) {
            log.warn("Sieve script \"{}\" of {} could not be carried out, message kept in INBOX: {}",
                    active.get().name(), account.address(), e.getMessage());
            metrics.ran("failed");
        }
        return SieveDisposition.inbox(account, rcpt.address(), inbox);
    }

    private SieveDisposition carryOut(AccountInfo account, EnvelopeRecipient rcpt, MailEnvelope envelope,
            byte[] message, ParsedMessage parsed, List<SieveAction> actions, long inbox) {
        Map<Long, Flags> targets = new LinkedHashMap<>();
        List<SieveDisposition.Redirect> redirects = new ArrayList<>();
        SieveAction.Vacation vacation = null;
        String reject = null;
        List<SieveAction.TrackDuplicate> seen = new ArrayList<>();
        boolean keepForSafety = false;
        for (SieveAction action : actions) {
            if (!(action instanceof SieveAction.TrackDuplicate)) {
                metrics.action(action);
            }
            switch (action) {
                case SieveAction.TrackDuplicate t -> seen.add(t);
                case SieveAction.Keep k -> targets.merge(inbox, storable(k.flags()), Flags::with);
                case SieveAction.FileInto f -> {
                    Long id = mailbox(account, f);
                    if (id == null) {
                        keepForSafety = true;
                    } else {
                        targets.merge(id, storable(f.flags()), Flags::with);
                    }
                }
                case SieveAction.Redirect r -> {
                    SieveDisposition.Redirect copy = redirect(account, rcpt, envelope, message, parsed, r);
                    if (copy == null) {
                        keepForSafety = true;
                    } else {
                        redirects.add(copy);
                    }
                }
                case SieveAction.Vacation v -> vacation = v;
                case SieveAction.Reject r -> reject = r.reason();
            }
        }
        if (keepForSafety && targets.isEmpty()) {
            targets.put(inbox, Flags.NONE);
        }
        List<SieveDisposition.Target> list = targets.entrySet().stream()
                .map(e -> new SieveDisposition.Target(e.getKey(), capped(e.getValue()))).toList();
        return new SieveDisposition(account, rcpt.address(), list, List.copyOf(redirects), vacation, reject,
                List.copyOf(seen));
    }

    /**
     * The flags a script named that the store can keep: system flags, and keywords that are IMAP atoms of at
     * most {@link Flags#MAX_KEYWORD_LENGTH} characters (RFC 9051 §2.3.2). Others are dropped, so that a
     * script's odd flag never makes the delivery itself fail.
     */
    static Flags storable(java.util.Set<String> names) {
        List<String> kept = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith("\\") || (name.length() <= Flags.MAX_KEYWORD_LENGTH && atom(name))) {
                kept.add(name);
            }
        }
        return Flags.fromNames(kept);
    }

    /** At most {@link Flags#MAX_KEYWORDS} keywords, as the store keeps. */
    static Flags capped(Flags flags) {
        if (flags.keywords().size() <= Flags.MAX_KEYWORDS) {
            return flags;
        }
        return new Flags(flags.system(), java.util.Set.copyOf(
                flags.keywords().stream().limit(Flags.MAX_KEYWORDS).toList()));
    }

    // RFC 9051 §9: atom-char is any CHAR except atom-specials.
    private static boolean atom(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The mailbox of a fileinto, created for :create (RFC 5490 §3.2); null when it cannot be used. */
    private Long mailbox(AccountInfo account, SieveAction.FileInto f) {
        Optional<MailboxInfo> found = mailboxes.find(account.id(), f.mailbox());
        if (found.isPresent()) {
            return found.get().id();
        }
        if (!f.create()) {
            // RFC 5228 §4.1: a mailbox that does not exist is an error; the message goes to INBOX instead.
            log.info("Sieve fileinto \"{}\" of {}: no such mailbox, kept in INBOX", f.mailbox(), account.address());
            return null;
        }
        try {
            return mailboxes.create(account.id(), f.mailbox(), null, true).id();
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.ALREADY_EXISTS) {
                return mailboxes.find(account.id(), f.mailbox()).map(MailboxInfo::id).orElse(null);
            }
            log.info("Sieve fileinto :create \"{}\" of {}: {}, kept in INBOX", f.mailbox(), account.address(),
                    e.getMessage());
            return null;
        }
    }

    /**
     * A copy to send on, or null when it must not go: a bad address, or a loop (the message already passed
     * through this account: its Delivered-To lines name it, RFC 5228 §4.2).
     */
    private SieveDisposition.Redirect redirect(AccountInfo account, EnvelopeRecipient rcpt, MailEnvelope envelope,
            byte[] message, ParsedMessage parsed, SieveAction.Redirect r) {
        String target;
        try {
            target = Addresses.address(r.address());
        } catch (StoreException e) {
            log.info("Sieve redirect of {} to \"{}\": not an address, kept in INBOX", account.address(), r.address());
            return null;
        }
        String self = account.address().toLowerCase(Locale.ROOT);
        if (parsed.header("Delivered-To").stream().anyMatch(d -> d.strip().equalsIgnoreCase(self))
                || target.equalsIgnoreCase(self)) {
            log.info("Sieve redirect of {} to <{}>: mail loop, kept in INBOX", account.address(), target);
            metrics.loop();
            return null;
        }
        ForwardingAddress rewrite = forwarding.getIfAvailable(() -> ForwardingAddress.KEEP);
        MailEnvelope out = new MailEnvelope(rewrite.reversePath(envelope.reversePath(), account.address()),
                List.of(new EnvelopeRecipient(target, rcpt.notifyOn(), null)), envelope.ret(), envelope.envId(),
                envelope.smtpUtf8(), envelope.eightBit());
        byte[] deliveredTo = ("Delivered-To: " + account.address() + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] copy = new byte[deliveredTo.length + message.length];
        System.arraycopy(deliveredTo, 0, copy, 0, deliveredTo.length);
        System.arraycopy(message, 0, copy, deliveredTo.length, message.length);
        return new SieveDisposition.Redirect(out, copy);
    }
}
