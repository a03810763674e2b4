package org.courriel.mta.queue;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailDelivery;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.queue.AttemptRecorder.Attempt;
import org.courriel.mta.queue.AttemptRecorder.Kind;
import org.courriel.mta.relay.LocalReply;
import org.courriel.mta.relay.MxAuthentication;
import org.courriel.mta.relay.OutboundMessage;
import org.courriel.mta.relay.RecipientResult;
import org.courriel.mta.relay.RelayTarget;
import org.courriel.mta.relay.RemoteRefusalException;
import org.courriel.mta.relay.RequireTls;
import org.courriel.mta.relay.Route;
import org.courriel.mta.relay.Router;
import org.courriel.mta.relay.SmtpClient;
import org.courriel.mta.relay.RemoteReply;
import org.courriel.mta.relay.SmtpClientSession;
import org.courriel.store.StoreException;
import org.courriel.store.account.DomainService;
import org.courriel.store.content.ContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at the claimed recipients of one destination domain: route, then carry every message over as
 * few connections as possible, recording each message's results as soon as the server has answered.
 */
public class DomainDelivery {

    private static final Logger log = LoggerFactory.getLogger(DomainDelivery.class);

    private final Router router;
    private final SmtpClient client;
    private final ContentStore contents;
    private final DomainService domains;
    private final MailDelivery local;
    private final AttemptRecorder recorder;
    private final int maxRecipients;
    private final int maxReceivedHops;

    public DomainDelivery(Router router, SmtpClient client, ContentStore contents, DomainService domains,
            MailDelivery local, AttemptRecorder recorder, int maxRecipients, int maxReceivedHops) {
        this.router = router;
        this.client = client;
        this.contents = contents;
        this.domains = domains;
        this.local = local;
        this.recorder = recorder;
        this.maxRecipients = maxRecipients;
        this.maxReceivedHops = maxReceivedHops;
    }

    /**
     * @param recipients claimed recipients, all of {@code domain}
     * @param control    whether the node still runs (messages not started are left for later when it stops),
     *                   and where to report progress so the claim's lease is extended
     */
    public void deliver(String domain, List<QueuedRecipient> recipients, Control control) {
        Map<Long, List<QueuedRecipient>> byMessage = new LinkedHashMap<>();
        recipients.forEach(r -> byMessage.computeIfAbsent(r.message().id(), k -> new ArrayList<>()).add(r));
        Deque<List<QueuedRecipient>> pending = new ArrayDeque<>(byMessage.values());
        if (domains.isLocal(domain)) {
            // the domain became local after the message was queued: store it, never send it over the network
            pending.forEach(this::deliverLocally);
            return;
        }
        Route route = router.route(domain);
        switch (route) {
            case Route.Undeliverable u -> pending.forEach(m -> recordAll(m, u.reply(), null));
            case Route.Unavailable u -> pending.forEach(m -> recordAll(m, u.reply(), null));
            case Route.Servers servers -> {
                for (Deque<List<QueuedRecipient>> group : byTlsRequirement(pending)) {
                    deliver(servers.targets(), group, control);
                }
            }
        }
    }

    /** The messages in groups of one RFC 8689 requirement (REQUIRETLS, TLS-Required: No, none), each its sessions. */
    private static List<Deque<List<QueuedRecipient>>> byTlsRequirement(Deque<List<QueuedRecipient>> pending) {
        Map<String, Deque<List<QueuedRecipient>>> groups = new LinkedHashMap<>();
        for (List<QueuedRecipient> message : pending) {
            QueuedMessage m = message.get(0).message();
            groups.computeIfAbsent(m.requireTls() + "/" + m.tlsOptional(), k -> new ArrayDeque<>()).add(message);
        }
        return List.copyOf(groups.values());
    }

    /** What the worker tells a delivery and hears from it. */
    public interface Control {
        /** False once the node is stopping. */
        boolean running();

        /** A message was finished: the rest of the claim is still being worked on. */
        void progress();
    }

    private void deliver(List<RelayTarget> targets, Deque<List<QueuedRecipient>> pending, Control control) {
        RemoteReply lastFailure = LocalReply.noServerTried();
        String lastHost = null;
        QueuedMessage first = pending.isEmpty() ? null : pending.peek().get(0).message();
        boolean requireTls = first != null && first.requireTls();
        for (RelayTarget routed : targets) {
            if (pending.isEmpty() || !control.running()) {
                break;
            }
            RelayTarget target = RequireTls.target(routed, requireTls, first.tlsOptional());
            lastHost = target.describe();
            RemoteReply unauthenticated = RequireTls.unauthenticatedMx(requireTls, target,
                    MxAuthentication.BY_TLS_POLICY);
            if (unauthenticated != null) {
                // RFC 8689 §4.2.1 step 1: not this MX, not even a connection; the next one may qualify
                log.info("{} not used for REQUIRETLS: {}", target, unauthenticated.text());
                lastFailure = unauthenticated;
                continue;
            }
            try (SmtpClientSession session = client.open(target)) {
                while (!pending.isEmpty() && control.running() && session.isUsable()) {
                    send(session, pending.poll(), control);
                    control.progress();
                }
                if (!session.isUsable()) {
                    // the rest go to the next server, or are deferred with this if none is left
                    lastFailure = LocalReply.connectionLost(lastHost);
                }
            } catch (RemoteRefusalException e) {
                log.info("{} refused the session: {}", target, e.reply());
                lastFailure = e.reply();
            } catch (IOException e) {
                log.info("Connection to {} failed: {}", target, e.toString());
                lastFailure = connectionFailure(target, e);
            }
        }
        if (control.running()) {
            lastFailure = RequireTls.sessionFailure(requireTls, lastFailure);
            for (List<QueuedRecipient> message : pending) {
                recordAll(message, lastFailure, lastHost);
            }
        }
    }

    /** Sends one message in transactions of at most the configured recipients. */
    private void send(SmtpClientSession session, List<QueuedRecipient> recipients, Control control) {
        QueuedMessage message = recipients.get(0).message();
        String host = session.target().describe();
        byte[] content;
        try {
            content = contents.bytes(message.contentId());
        } catch (RuntimeException e) {
            log.error("Cannot read the content of queued message {}", message.id(), e);
            recordAll(recipients, LocalReply.localError("cannot read the message"), null);
            return;
        }
        int hops = ReceivedHops.count(content);
        if (hops > maxReceivedHops) {
            // RFC 5321 §6.3: too many Received fields means a loop
            recordAll(recipients, LocalReply.loop(hops), null);
            return;
        }
        for (int from = 0; from < recipients.size(); from += maxRecipients) {
            List<QueuedRecipient> chunk = recipients.subList(from, Math.min(recipients.size(), from + maxRecipients));
            OutboundMessage outbound = new OutboundMessage(message.sender(), message.ret(), message.envId(),
                    message.smtpUtf8(), content, chunk.stream()
                            .map(r -> new OutboundMessage.Recipient(r.address(), r.notifyOn(), r.orcpt())).toList(),
                    message.requireTls());
            try {
                List<RecipientResult> results = session.send(outbound);
                List<Attempt> attempts = new ArrayList<>();
                for (int i = 0; i < chunk.size(); i++) {
                    RecipientResult result = results.get(i);
                    attempts.add(new Attempt(chunk.get(i), result.reply(), host,
                            result.dsnRelayed() ? Kind.REMOTE_DSN : Kind.REMOTE));
                }
                recorder.record(attempts);
            } catch (IOException e) {
                if (!control.running() && !(e instanceof RemoteRefusalException)) {
                    // abandoned by a stopping node: no attempt is counted, the claim is given back and another
                    // node sends it at once; the remote may have it already (RFC 5321 §6.1: a duplicate, not a loss)
                    log.info("Transfer of queued message {} to {} abandoned by shutdown", message.id(), host);
                    return;
                }
                // the server may or may not have the message: never delivered, deferred (RFC 5321 §6.1)
                log.info("Transfer of queued message {} to {} failed: {}", message.id(), host, e.toString());
                recordAll(recipients.subList(from, recipients.size()), connectionFailure(session.target(), e), host);
                return;
            }
        }
    }

    private void deliverLocally(List<QueuedRecipient> recipients) {
        QueuedMessage message = recipients.get(0).message();
        List<EnvelopeRecipient> envelopeRecipients = recipients.stream()
                .map(r -> new EnvelopeRecipient(r.address(), r.notifyOn(), r.orcpt())).toList();
        RemoteReply reply;
        try {
            byte[] content = contents.bytes(message.contentId());
            local.deliver(new MailEnvelope(message.sender(), envelopeRecipients, message.ret(), message.envId(),
                    message.smtpUtf8(), message.eightBit()), content);
            reply = LocalReply.deliveredLocally();
        } catch (StoreException e) {
            reply = switch (e.reason()) {
                case NOT_FOUND -> LocalReply.noSuchLocalRecipient();
                case OVER_QUOTA -> LocalReply.mailboxFull();
                case STORAGE_FULL -> LocalReply.systemFull();
                default -> LocalReply.localError("delivery failed: " + e.getMessage());
            };
        }
        List<Attempt> attempts = new ArrayList<>();
        for (QueuedRecipient r : recipients) {
            attempts.add(new Attempt(r, reply, null, Kind.LOCAL));
        }
        recorder.record(attempts);
    }

    private void recordAll(List<QueuedRecipient> recipients, RemoteReply reply, String host) {
        List<Attempt> attempts = new ArrayList<>();
        for (QueuedRecipient r : recipients) {
            attempts.add(new Attempt(r, reply, host, Kind.REMOTE));
        }
        recorder.record(attempts);
    }

    private static RemoteReply connectionFailure(RelayTarget target, IOException e) {
        return e instanceof RemoteRefusalException refusal ? refusal.reply() : LocalReply.connectionFailed(target, e);
    }
}
