package org.courriel.api.send;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.courriel.api.ApiProperties;
import org.courriel.api.mailbox.AccountMailboxes;
import org.courriel.api.message.MessageId;
import org.courriel.api.problem.ApiException;
import org.courriel.api.problem.ProblemType;
import org.courriel.mta.auth.dkim.OutboundSigning;
import org.courriel.mta.delivery.DeliveryResult;
import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailDelivery;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.limit.SendLimiter;
import org.courriel.mta.maillog.MailOrigin;
import org.courriel.mta.spam.OutboundScoring;
import org.courriel.mta.spam.SpamRequest;
import org.courriel.store.StoreException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AddressOwnership;
import org.courriel.store.account.Addresses;
import org.courriel.store.account.Recipient;
import org.courriel.store.account.RecipientResolver;
import org.courriel.store.limit.SendAdmission;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.SpecialUse;
import org.courriel.store.message.AppendResult;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.SystemFlag;
import org.springframework.stereotype.Service;

/**
 * Sends a message for an account: checks the From address is the account's ({@link AddressOwnership}, as SMTP
 * submission does), the recipients exist (local ones)
 * and the size is within bounds; composes it with Mime4j; hands it to {@link MailDelivery}, the path SMTP
 * submission also takes (local copies and the outbound queue in one durable transaction); then keeps a copy,
 * marked \Seen, in the account's Sent mailbox.
 */
@Service
public class SendService {

    /** RFC 5322 §3.6.4 msg-id, without CFWS: what In-Reply-To may carry (and no header injection). */
    private static final Pattern MSG_ID = Pattern.compile("<[\\x21-\\x3b\\x3d\\x3f-\\x7e]{1,500}>");

    private final AddressOwnership ownership;
    private final RecipientResolver resolver;
    private final MailDelivery delivery;
    private final MessageService messages;
    private final AccountMailboxes mailboxes;
    private final ApiProperties properties;
    private final OutboundSigning signing;
    private final SendLimiter limits;
    private final OutboundScoring spam;

    public SendService(AddressOwnership ownership, RecipientResolver resolver, MailDelivery delivery,
            MessageService messages, AccountMailboxes mailboxes, ApiProperties properties, OutboundSigning signing,
            SendLimiter limits, OutboundScoring spam) {
        this.signing = signing;
        this.limits = limits;
        this.spam = spam;
        this.ownership = ownership;
        this.resolver = resolver;
        this.delivery = delivery;
        this.messages = messages;
        this.mailboxes = mailboxes;
        this.properties = properties;
    }

    public SendResult send(AccountInfo account, SendRequest request, List<Attachment> attachments) {
        return send(account, request, attachments, "");
    }

    /** @param clientAddress the HTTP client's IP address, for the spam filter; empty when unknown */
    public SendResult send(AccountInfo account, SendRequest request, List<Attachment> attachments,
            String clientAddress) {
        Mailbox from = from(account, request.from());
        List<Mailbox> to = mailboxes(request.to(), "to");
        List<Mailbox> cc = mailboxes(request.cc(), "cc");
        List<Mailbox> bcc = mailboxes(request.bcc(), "bcc");
        Set<String> recipients = new LinkedHashSet<>();
        collect(to, "to", recipients);
        collect(cc, "cc", recipients);
        collect(bcc, "bcc", recipients);
        if (recipients.isEmpty()) {
            throw ApiException.invalid("to", "at least one recipient is required");
        }
        if (recipients.size() > properties.maxRecipients()) {
            throw ApiException.invalid("to", "at most " + properties.maxRecipients() + " recipients");
        }
        if (request.text() == null && request.html() == null && attachments.isEmpty()) {
            throw ApiException.invalid("text", "give a text, an html body or an attachment");
        }
        if (request.inReplyTo() != null && !MSG_ID.matcher(request.inReplyTo()).matches()) {
            throw ApiException.invalid("inReplyTo", "not a message id like <local@domain>");
        }
        if (request.subject() != null && request.subject().length() > 998) {
            throw ApiException.invalid("subject", "subject longer than 998 characters");
        }
        MessageComposer.Composed composed = MessageComposer.compose(new MessageComposer.Draft(from, to, cc,
                request.subject(), request.text(), request.html(), request.inReplyTo(), attachments, Instant.now()));
        byte[] unsigned = composed.bytes();
        if (unsigned.length > properties.maxMessageSize().toBytes()) {
            throw new ApiException(ProblemType.TOO_LARGE, "the message would be " + unsigned.length
                    + " bytes; the limit is " + properties.maxMessageSize().toBytes());
        }
        // Final now: DKIM-signed once, for every copy (RFC 6376 §5).
        byte[] bytes = signing.sign(unsigned);
        MailboxInfo sent = mailboxes.special(account, SpecialUse.SENT, "Sent")
                .orElseThrow(() -> new ApiException(ProblemType.CONFLICT, "the account has no Sent mailbox"));
        if (!account.fits(bytes.length)) {
            throw new StoreException(StoreException.Reason.OVER_QUOTA, "no room left for the copy in Sent");
        }
        // Scored as on submission (issue #12): a stolen password's spam is refused before it leaves.
        String sender = Addresses.address(from.getAddress());
        switch (spam.check(new SpamRequest(clientAddress, "", "", sender, List.copyOf(recipients),
                account.address(), ""), bytes).outcome()) {
            case REFUSE -> throw new ApiException(ProblemType.SPAM_REJECTED, "the spam filter refused the message");
            case TEMPFAIL -> throw new ApiException(ProblemType.UNAVAILABLE,
                    "the spam filter could not accept the message now; try again later");
            case SEND -> {
            }
        }
        // The hourly limits of authenticated senders hold here as on submission (issue #12), on every node.
        if (limits.admit(account.address(), recipients.size()) instanceof SendAdmission.Refused refused) {
            throw new ApiException(ProblemType.RATE_LIMITED, SendLimiter.refusalText(refused));
        }
        List<EnvelopeRecipient> envelopeRecipients = recipients.stream().map(EnvelopeRecipient::of).toList();
        boolean utf8 = !isAscii(from.getAddress()) || recipients.stream().anyMatch(r -> !isAscii(r));
        DeliveryResult result = delivery.deliver(
                new MailEnvelope(sender, envelopeRecipients, null, null, utf8, false), bytes,
                new MailOrigin("api", null, null, account.address()));
        AppendResult copy = messages.append(sent.id(), bytes, Flags.of(SystemFlag.SEEN), Instant.now());
        List<String> queued = result.queued().stream().map(EnvelopeRecipient::address).toList();
        List<String> delivered = recipients.stream().filter(r -> !queued.contains(r)).toList();
        return new SendResult(composed.messageId(),
                new MessageId(copy.mailboxId(), copy.uidValidity(), copy.uid()).encode(), delivered, queued);
    }

    private Mailbox from(AccountInfo account, String requested) {
        if (requested == null || requested.isBlank()) {
            return new Mailbox(account.displayName(), Addresses.localPartOf(account.address()),
                    Addresses.domainOf(account.address()));
        }
        Mailbox from = parse(requested, "from");
        if (!ownership.owns(account.id(), from.getAddress())) {
            throw new ApiException(ProblemType.FORBIDDEN, "the account may not send as " + from.getAddress(), "from");
        }
        return from;
    }

    private static List<Mailbox> mailboxes(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        List<Mailbox> list = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            list.add(parse(values.get(i), field + "[" + i + "]"));
        }
        return List.copyOf(list);
    }

    /** An address, optionally with a display name (RFC 5322 §3.4 mailbox), or 400 naming the field. */
    private static Mailbox parse(String value, String field) {
        if (value == null || value.isBlank() || value.length() > 1000 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw ApiException.invalid(field, "not an address");
        }
        try {
            Mailbox m = DefaultAddressParser.DEFAULT.parseMailbox(value);
            Addresses.address(m.getAddress());
            return m;
        } catch (org.apache.james.mime4j.dom.field.ParseException | StoreException | IllegalArgumentException e) {
            throw ApiException.invalid(field, "not an address: " + value);
        }
    }

    /** Adds the normal form of each address; a local address nobody receives is the request's fault. */
    private void collect(List<Mailbox> list, String field, Set<String> recipients) {
        for (int i = 0; i < list.size(); i++) {
            String normal = Addresses.address(list.get(i).getAddress());
            if (resolver.resolve(normal) instanceof Recipient.Unknown) {
                throw ApiException.invalid(field + "[" + i + "]", "no such local recipient: " + normal);
            }
            recipients.add(normal);
        }
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
