package org.courriel.api.acme;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.courriel.access.ServerProperties;
import org.courriel.store.account.DomainService;
import org.courriel.store.acme.AcmeCertificate;
import org.courriel.store.acme.AcmeStore;
import org.shredzone.acme4j.exception.AcmeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The certificate's life on this node: at start and then every {@code check-interval} (on a virtual thread)
 * it installs the certificate the store holds when it is newer than the one served, and when that one is
 * missing, expires within {@code renew-before} or lacks a name, orders a new one under the store's lease, so
 * that of several nodes one orders and all install it.
 */
public final class AcmeRenewal implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AcmeRenewal.class);

    private final AcmeProperties properties;
    private final AcmeStore store;
    private final AcmeOrdering ordering;
    private final CertificateInstaller installer;
    private final ServerProperties host;
    private final DomainService domains;
    private final Clock clock;
    private final Counter ordered;
    private final Counter failed;
    private final AtomicReference<AcmeCertificate> served = new AtomicReference<>();
    private final boolean server;
    private volatile Thread thread;

    AcmeRenewal(AcmeProperties properties, AcmeStore store, AcmeOrdering ordering, CertificateInstaller installer,
            ServerProperties host, DomainService domains, MeterRegistry meters, Clock clock, boolean server) {
        this.properties = properties;
        this.store = store;
        this.ordering = ordering;
        this.installer = installer;
        this.host = host;
        this.server = server;
        this.domains = domains;
        this.clock = clock;
        this.ordered = Counter.builder("courriel.acme.orders").tag("result", "issued")
                .description("ACME certificate orders").register(meters);
        this.failed = Counter.builder("courriel.acme.orders").tag("result", "failed")
                .description("ACME certificate orders").register(meters);
        Gauge.builder("courriel.acme.certificate.expiry", served,
                s -> s.get() == null ? Double.NaN : s.get().notAfter().getEpochSecond())
                .description("When the ACME certificate served expires, seconds since the epoch")
                .baseUnit("seconds").register(meters);
    }

    /**
     * One check: installs what the store holds, orders when {@link #due} says so (unless another node holds
     * the lease) and installs the result. Returns the certificate served afterwards.
     */
    public Optional<AcmeCertificate> check() throws InterruptedException {
        Optional<AcmeCertificate> stored = store.certificate(AcmeStore.SERVER);
        stored.ifPresent(this::serve);
        List<String> names = names();
        if (due(stored, names, clock.instant(), properties.renewBefore())) {
            renew(names);
        }
        return Optional.ofNullable(served.get());
    }

    /** Orders a certificate now, whatever the expiry of the one served (an admin's renewal, tests). */
    public Optional<AcmeCertificate> renew() throws InterruptedException {
        renew(names());
        return Optional.ofNullable(served.get());
    }

    private void renew(List<String> names) throws InterruptedException {
        Optional<String> lease = store.acquireLease(AcmeStore.SERVER, properties.timeout().multipliedBy(5));
        if (lease.isEmpty()) {
            log.info("ACME: another node is ordering the certificate; this one installs it at its next check");
            return;
        }
        try {
            log.info("ACME: ordering a certificate for {} from {}", names, properties.directoryUrl());
            AcmeCertificate issued = ordering.order(names);
            store.saveCertificate(AcmeStore.SERVER, issued);
            serve(issued);
            ordered.increment();
            log.info("ACME: certificate for {} issued, valid until {}", names, issued.notAfter());
        } catch (AcmeException | RuntimeException e) {
            failed.increment();
            // the CA or the network, not a bug: the certificate served stays, the next check tries again
            log.warn("ACME: ordering a certificate for {} failed: {}", names, e.toString());
        } finally {
            store.releaseLease(AcmeStore.SERVER, lease.get());
        }
    }

    /** Renew when there is none, it expires within {@code renewBefore}, or a name is missing from it. */
    static boolean due(Optional<AcmeCertificate> stored, List<String> names, Instant now, Duration renewBefore) {
        return stored.isEmpty() || !stored.get().notAfter().isAfter(now.plus(renewBefore))
                || !stored.get().names().containsAll(names);
    }

    private void serve(AcmeCertificate certificate) {
        AcmeCertificate current = served.get();
        if (current == null || certificate.issuedAt().isAfter(current.issuedAt())) {
            installer.install(certificate);
            served.set(certificate);
            log.info("ACME: serving the certificate for {} valid until {}", certificate.names(), certificate.notAfter());
        }
    }

    private List<String> names() {
        return CertificateNames.of(host.hostname(), properties.names(), properties.domainNames(), domains.list());
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                check();
                Thread.sleep(properties.checkInterval());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("ACME: the certificate check failed: {}", e.toString());
                try {
                    Thread.sleep(properties.checkInterval());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        if (!server) {
            return;
        }
        thread = Thread.ofVirtual().name("courriel-acme").start(this::loop);
    }

    @Override
    public void stop() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
