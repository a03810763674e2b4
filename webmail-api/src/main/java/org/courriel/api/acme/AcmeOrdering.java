package org.courriel.api.acme;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.courriel.store.acme.AcmeCertificate;
import org.courriel.store.acme.AcmeStore;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.util.KeyPairUtils;

/**
 * One certificate order (RFC 8555 §7.4): the account (its key from the store, registered on first use,
 * §7.3), an HTTP-01 challenge per name published in the store (§8.3), the CSR for a fresh key, the chain.
 */
final class AcmeOrdering {

    private static final int RSA_BITS = 2048;

    private final AcmeProperties properties;
    private final AcmeStore store;
    private final Clock clock;

    AcmeOrdering(AcmeProperties properties, AcmeStore store, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.clock = clock;
    }

    /** Orders a certificate for {@code names} and returns it; the caller stores and installs it. */
    AcmeCertificate order(List<String> names) throws AcmeException, InterruptedException {
        Session session = properties.trustedCertificate() == null
                ? new Session(properties.directoryUrl())
                : new Session(URI.create(properties.directoryUrl()), new DirectoryTrust(properties.trustedCertificate()));
        session.networkSettings().setTimeout(properties.timeout());
        Account account = account(session);
        Order order = account.newOrder().domains(names).create();
        List<String> tokens = new ArrayList<>();
        try {
            for (Authorization authorization : order.getAuthorizations()) {
                if (authorization.getStatus() != Status.VALID) {
                    tokens.add(authorize(authorization));
                }
            }
            KeyPair key = KeyPairUtils.createKeyPair(RSA_BITS);
            order.execute(key); // §7.4: finalize with a CSR for every name of the order
            Status status = order.waitForCompletion(properties.timeout());
            if (status != Status.VALID) {
                throw new AcmeException("the order ended " + status + order.getError().map(p -> ": " + p).orElse(""));
            }
            Certificate certificate = order.getCertificate();
            return new AcmeCertificate(names, pem(key), chain(certificate),
                    certificate.getCertificate().getNotAfter().toInstant(), clock.instant());
        } finally {
            tokens.forEach(store::removeChallenge);
        }
    }

    /** §8.3: publishes the key authorization where the CA fetches it, asks for validation, waits. */
    private String authorize(Authorization authorization) throws AcmeException, InterruptedException {
        String name = authorization.getIdentifier().getDomain();
        Http01Challenge challenge = authorization.findChallenge(Http01Challenge.class)
                .orElseThrow(() -> new AcmeException("the CA offers no http-01 challenge for " + name));
        store.putChallenge(challenge.getToken(), challenge.getAuthorization(), challengeLifetime(properties.timeout()));
        challenge.trigger();
        Status status = challenge.waitForCompletion(properties.timeout());
        if (status != Status.VALID) {
            throw new AcmeException("http-01 for " + name + " ended " + status
                    + challenge.getError().map(p -> ": " + p).orElse(""));
        }
        return challenge.getToken();
    }

    private Account account(Session session) throws AcmeException {
        String stored = store.accountKey(properties.directoryUrl())
                .orElseGet(() -> store.saveAccountKey(properties.directoryUrl(), pem(KeyPairUtils.createKeyPair(RSA_BITS))));
        AccountBuilder builder = new AccountBuilder().agreeToTermsOfService().useKeyPair(keyPair(stored));
        if (properties.email() != null && !properties.email().isBlank()) {
            builder.addEmail(properties.email());
        }
        return builder.create(session); // §7.3.1: an existing account of this key is found, not duplicated
    }

    static KeyPair keyPair(String pem) {
        try {
            return KeyPairUtils.readKeyPair(new StringReader(pem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pem(KeyPair key) {
        StringWriter out = new StringWriter();
        try {
            KeyPairUtils.writeKeyPair(key, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String chain(Certificate certificate) {
        StringWriter out = new StringWriter();
        try {
            certificate.writeCertificate(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Duration challengeLifetime(Duration timeout) {
        return timeout.multipliedBy(2);
    }
}
