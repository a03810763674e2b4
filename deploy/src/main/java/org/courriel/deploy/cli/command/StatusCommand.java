package org.courriel.deploy.cli.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.courriel.access.tls.TlsContext;
import org.courriel.deploy.cli.AdminCommand;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.Arguments;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.CommandSpec;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.deploy.cli.UsageException;
import org.courriel.deploy.health.ListenersHealthIndicator;
import org.courriel.mta.queue.QueueRepository;
import org.courriel.mta.queue.RecipientState;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.backup.BackupRecord;
import org.courriel.store.backup.StoreBackups;
import org.courriel.store.acme.AcmeCertificate;
import org.courriel.store.acme.AcmeStore;
import org.courriel.store.disk.H2Files;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code status}: whether a server runs and its listeners' ports, the certificate's expiry, the queue's depth
 * and its oldest waiting entry, the store's size and the last backup (recorded in the store). Run on its own (no server), it says so and reports what
 * the database tells.
 */
@Component
public class StatusCommand implements AdminCommand {

    public static final CommandSpec SPEC = CommandSpec.of("status",
            "status                                (listeners, certificate, queue, store size, last backup)");

    private final ListenersHealthIndicator listeners;
    private final TlsContext tls;
    private final QueueRepository queue;
    private final AccountService accounts;
    private final StoreBackups backups;
    private final boolean serverRuns;
    private final String databaseUrl;
    private final AcmeStore acme;
    private final boolean acmeEnabled;

    public StatusCommand(ListenersHealthIndicator listeners, TlsContext tls, QueueRepository queue,
            AccountService accounts, StoreBackups backups, @Value("${courriel.listeners.enabled:true}") boolean serverRuns,
            @Value("${spring.datasource.url:}") String databaseUrl, AcmeStore acme,
            @Value("${courriel.acme.enabled:false}") boolean acmeEnabled) {
        this.listeners = listeners;
        this.tls = tls;
        this.queue = queue;
        this.accounts = accounts;
        this.backups = backups;
        this.serverRuns = serverRuns;
        this.databaseUrl = databaseUrl;
        this.acme = acme;
        this.acmeEnabled = acmeEnabled;
    }

    /** The status, for {@code --json}. */
    public record Status(boolean serverRunning, Map<String, Object> listeners, Instant certificateNotAfter,
            Map<RecipientState, Long> queueRecipients, Instant oldestWaiting, int accounts, long mailBytes,
            Long databaseBytes, BackupRecord lastBackup) {
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        if (!c.words().isEmpty()) {
            throw new UsageException("status takes no arguments");
        }
        Map<String, Object> ports = serverRuns ? new LinkedHashMap<>(listeners.health().getDetails()) : Map.of();
        List<AccountInfo> all = accounts.list();
        long mail = all.stream().mapToLong(AccountInfo::usedBytes).sum();
        Path h2 = H2Files.directoryOf(databaseUrl);
        Status s = new Status(serverRuns, ports, certificateNotAfter(), queue.countByState(),
                queue.oldestWaiting().orElse(null), all.size(), mail, h2 == null ? null : sizeOf(h2),
                backups.last().orElse(null));
        return io.result(s, text(s));
    }

    /**
     * The running server's TlsContext follows a renewed certificate; without a server, an ACME certificate is
     * read from the store (the one every node installs) rather than from the configured bundle.
     */
    private Instant certificateNotAfter() {
        if (!serverRuns && acmeEnabled) {
            Optional<AcmeCertificate> stored = acme.certificate(AcmeStore.SERVER);
            if (stored.isPresent()) {
                return stored.get().notAfter();
            }
        }
        return tls.notAfter().orElse(null);
    }

    private static String text(Status s) {
        List<String> lines = new ArrayList<>();
        lines.add("server:      " + (s.serverRunning() ? "running" : "not running (this is the database's view)"));
        if (s.serverRunning()) {
            lines.add("listeners:   " + String.join(", ", s.listeners().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList()));
        }
        Instant now = Instant.now();
        lines.add("certificate: " + (s.certificateNotAfter() == null ? "none"
                : "expires " + s.certificateNotAfter() + " (in " + Duration.between(now, s.certificateNotAfter()).toDays()
                        + " days)"));
        long waiting = s.queueRecipients().getOrDefault(RecipientState.QUEUED, 0L)
                + s.queueRecipients().getOrDefault(RecipientState.DEFERRED, 0L);
        lines.add("queue:       " + waiting + " recipient" + (waiting == 1 ? "" : "s") + " waiting ("
                + s.queueRecipients().getOrDefault(RecipientState.DEFERRED, 0L) + " deferred)"
                + (s.oldestWaiting() == null ? "" : ", oldest queued " + s.oldestWaiting()));
        lines.add("store:       " + s.accounts() + " account" + (s.accounts() == 1 ? "" : "s") + ", "
                + Arguments.size(s.mailBytes()) + " of mail"
                + (s.databaseBytes() == null ? "" : ", database files " + Arguments.size(s.databaseBytes())));
        BackupRecord b = s.lastBackup();
        lines.add("backup:      " + (b == null ? "none yet (courriel backup DIR)"
                : "last " + b.takenAt() + " to " + b.directory() + (b.storeIncluded() ? "" : " (keys only)")));
        return String.join("\n", lines);
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("courriel.")).filter(Files::isRegularFile)
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            return 0;
                        }
                    }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
