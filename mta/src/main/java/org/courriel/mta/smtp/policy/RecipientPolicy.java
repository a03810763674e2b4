package org.courriel.mta.smtp.policy;

import java.util.function.Function;

import org.courriel.mta.delivery.ForwardingAddress;
import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.syntax.Path;
import org.courriel.store.StoreException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.Addresses;
import org.courriel.store.account.Recipient;

/**
 * Who may receive through this server: the relay policy (never an open relay) and the local checks
 * (existing account or alias, quota).
 * <p>
 * Address forms that older MTAs interpreted as routing instructions are refused outright, for every client,
 * with {@code 554 5.7.1}: source routes {@code @a:b@c} (RFC 5321 §3.6.1 and Appendix C allow refusing
 * them), the "percent hack" {@code user%other@local} and bang paths {@code a!b@local} (RFC 5321 §3.6.1),
 * quoted local parts {@code "a@b"@local} and address literals {@code user@[192.0.2.1]}. Courriel never
 * routes on a local part, so refusing them costs nothing and leaves no doubt.
 */
public final class RecipientPolicy {

    private final Function<String, Recipient> resolver;
    private final ForwardingAddress forwarding;

    /** @param resolver the store's {@code RecipientResolver::resolve} */
    public RecipientPolicy(Function<String, Recipient> resolver) {
        this(resolver, ForwardingAddress.KEEP);
    }

    /** @param forwarding reads back the reverse-paths forwarded copies went out with (SRS) */
    public RecipientPolicy(Function<String, Recipient> resolver, ForwardingAddress forwarding) {
        this.resolver = resolver;
        this.forwarding = forwarding;
    }

    /**
     * @param path          the forward-path
     * @param mayRelay      the client is an authenticated submission client (RFC 6409 §4.3)
     * @param declaredSize  SIZE= of MAIL, or 0, for the quota check (RFC 1870 §6.1)
     * @param postmasterDomain the server's host name: a bare {@code <postmaster>} (RFC 5321 §4.1.1.3) is
     *                         postmaster there, or else in the domain the host name is part of
     */
    public RecipientDecision check(Path path, boolean mayRelay, boolean bounce, long declaredSize,
            String postmasterDomain) {
        if (path.isNull()) {
            return new RecipientDecision.Refuse(Reply.BAD_RECIPIENT_SYNTAX, "syntax");
        }
        if (path.sourceRoute() || path.quotedLocal() || path.addressLiteral()
                || path.localPart().contains("%") || path.localPart().contains("!")) {
            return new RecipientDecision.Refuse(Reply.RELAY_DISGUISE, "disguise");
        }
        String mailbox = path.mailbox();
        if (path.domain().isEmpty()) {
            // RFC 5321 §4.1.1.3: "Postmaster" without domain must be accepted; other bare names are not addresses.
            if (!path.localPart().equalsIgnoreCase("postmaster")) {
                return new RecipientDecision.Refuse(Reply.BAD_RECIPIENT_SYNTAX, "syntax");
            }
            mailbox = "postmaster@" + postmasterDomain;
            int dot = postmasterDomain.indexOf('.');
            // The server's host name is often mx.<domain>: fall back to the domain it belongs to.
            if (!(resolver.apply(mailbox) instanceof Recipient.Local) && dot > 0
                    && postmasterDomain.indexOf('.', dot + 1) > 0) {
                mailbox = "postmaster@" + postmasterDomain.substring(dot + 1);
            }
        }
        switch (forwarding.returning(mailbox)) {
            // A bounce to a forwarded copy's SRS reverse-path: for the original sender, wherever it is. A
            // forged or expired one is no such user, so that nothing is sent back to a forged address.
            case ForwardingAddress.Return.Original o -> {
                return returned(o.address(), mayRelay || bounce, declaredSize);
            }
            case ForwardingAddress.Return.Forged f -> {
                return new RecipientDecision.Refuse(Reply.NO_SUCH_USER, "srs");
            }
            case ForwardingAddress.Return.Ordinary n -> {
            }
        }
        String normal;
        try {
            normal = Addresses.address(mailbox);
        } catch (StoreException e) {
            return new RecipientDecision.Refuse(Reply.BAD_RECIPIENT_SYNTAX, "syntax");
        }
        return switch (resolver.apply(normal)) {
            case Recipient.Remote r -> mayRelay
                    ? new RecipientDecision.Accept(r.address(), true)
                    : new RecipientDecision.Refuse(Reply.RELAY_DENIED, "relay");
            case Recipient.Unknown u -> new RecipientDecision.Refuse(Reply.NO_SUCH_USER, "unknown");
            case Recipient.Local local -> local(local, normal, declaredSize);
        };
    }

    /**
     * The original sender behind a valid SRS address. A remote one is relayed to without authentication only for
     * a bounce (the null reverse-path, RFC 5321 §4.5.5; auto-replies use it too, RFC 3834 §3.3): the address is in
     * the Return-Path of every forwarded copy, so anyone who saw one could otherwise relay through us to it.
     */
    private RecipientDecision returned(String original, boolean mayLeave, long declaredSize) {
        String normal;
        try {
            normal = Addresses.address(original);
        } catch (StoreException e) {
            // an SRS1 address names the first forwarder's SRS0 address, longer than 64 octets at times
            return mayLeave ? new RecipientDecision.Accept(original, true)
                    : new RecipientDecision.Refuse(Reply.RELAY_DENIED, "srs");
        }
        return switch (resolver.apply(normal)) {
            case Recipient.Remote r -> mayLeave ? new RecipientDecision.Accept(r.address(), true)
                    : new RecipientDecision.Refuse(Reply.RELAY_DENIED, "srs");
            case Recipient.Unknown u -> new RecipientDecision.Refuse(Reply.NO_SUCH_USER, "unknown");
            case Recipient.Local local -> local(local, normal, declaredSize);
        };
    }

    private static RecipientDecision local(Recipient.Local local, String normal, long declaredSize) {
        for (AccountInfo account : local.accounts()) {
            if (!account.fits(declaredSize)) {
                return new RecipientDecision.Refuse(Reply.MAILBOX_FULL, "quota");
            }
        }
        return new RecipientDecision.Accept(normal, !local.forwards().isEmpty());
    }
}
