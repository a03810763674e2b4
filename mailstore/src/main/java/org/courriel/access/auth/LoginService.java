package org.courriel.access.auth;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.CredentialProperties;
import org.courriel.store.secret.ServerSecrets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Password logins for every protocol, with failures counted per client address and per account: past
 * either limit, attempts are refused without checking the password until the cool-down ends, so a
 * guesser learns nothing and costs nothing.
 * <p>
 * The account counter is keyed on the account's id when the name reaches one, else on the name's
 * {@link LoginName} normal form: every spelling of an address shares one counter, and names of no account are
 * counted (and cost a password check against a dummy hash) like any other.
 */
@Service
public class LoginService {

    private final AccountService accounts;
    private final AuthProperties properties;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final ScramStandIns standIns;

    @Autowired
    public LoginService(AccountService accounts, AuthProperties properties, MeterRegistry meters,
            CredentialProperties credentials, ServerSecrets secrets) {
        this(accounts, properties, meters, Clock.systemUTC(), new ScramStandIns(credentials.scramIterations(),
                () -> secrets.get(ServerSecrets.SCRAM_STAND_IN)));
    }

    LoginService(AccountService accounts, AuthProperties properties, MeterRegistry meters, Clock clock,
            ScramStandIns standIns) {
        this.accounts = accounts;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        this.standIns = standIns;
    }

    /** Failures within the window, and when a cool-down ends. */
    private record Failures(int count, Instant first, Instant blockedUntil) {
    }

    /**
     * Checks a password.
     *
     * @param protocol a tag for metrics ("smtp", "imap", "http")
     */
    public LoginResult login(String protocol, InetAddress client, String username, String password) {
        return check(protocol, client, username, address -> accounts.authenticateRemembered(address, password),
                address -> accounts.authenticate(address, password));
    }

    /**
     * Starts a SCRAM-SHA-256 exchange (RFC 7677), throttled and counted as a password login when the client's
     * proof is checked.
     */
    public ScramLogin scram(String protocol, InetAddress client) {
        ScramSha256Server server = new ScramSha256Server(accounts::scramKeys, standIns::keys, ScramStandIns::nonce);
        return new ScramLogin(this, protocol, client, server);
    }

    /**
     * Throttles and counts one login of {@code username}, whose credentials {@code verify} checks: it gets the
     * store's address of the name (or the name as typed when it is none) and answers the account if they hold.
     */
    LoginResult check(String protocol, InetAddress client, String username,
            Function<String, Optional<AccountInfo>> verify) {
        return check(protocol, client, username, address -> Optional.empty(), verify);
    }

    /**
     * As {@link #check(String, InetAddress, String, Function)}, but credentials that {@code remembered} (no bcrypt,
     * the credential cache) finds verified recently succeed without being counted at all: neither pre-counted
     * as a failure nor resetting the account's count, so the parallel requests of a webmail tab are never
     * throttled, while a guess (never in the cache) is counted exactly as before.
     */
    private LoginResult check(String protocol, InetAddress client, String username,
            Function<String, Optional<AccountInfo>> remembered, Function<String, Optional<AccountInfo>> verify) {
        String ipKey = "ip:" + client.getHostAddress();
        LoginName name = LoginName.of(username);
        String accountKey = name.address().flatMap(accounts::find)
                .map(a -> "account:#" + a.id())
                .orElse("name:" + name.key());
        Instant now = clock.instant();
        if (blocked(ipKey, now) || blocked(accountKey, now)) {
            meters.counter("courriel.auth.attempts", "protocol", protocol, "result", "throttled").increment();
            LoginLog.throttled(protocol, client, username);
            return new LoginResult.Throttled();
        }
        String address = name.address().orElse(username);
        Optional<AccountInfo> known = remembered.apply(address);
        if (known.isPresent()) {
            meters.counter("courriel.auth.attempts", "protocol", protocol, "result", "success").increment();
            return new LoginResult.Success(known.get());
        }
        // Counted as a failure before the password is checked, so parallel guesses cannot all slip past the
        // limit while each is being checked; a success gives its count back.
        fail(ipKey, properties.maxFailuresPerIp(), now);
        fail(accountKey, properties.maxFailuresPerAccount(), now);
        Optional<AccountInfo> account;
        try {
            account = verify.apply(address);
        } catch (RuntimeException e) {
            // Nothing was checked (the database is unavailable, most likely): the attempt must not count.
            refund(accountKey, properties.maxFailuresPerAccount());
            refund(ipKey, properties.maxFailuresPerIp());
            throw e;
        }
        if (account.isPresent()) {
            failures.remove(accountKey);
            refund(ipKey, properties.maxFailuresPerIp());
            meters.counter("courriel.auth.attempts", "protocol", protocol, "result", "success").increment();
            return new LoginResult.Success(account.get());
        }
        meters.counter("courriel.auth.attempts", "protocol", protocol, "result", "failure").increment();
        LoginLog.failed(protocol, client, username);
        return new LoginResult.Failure();
    }

    Optional<AccountInfo> account(String address) {
        return accounts.find(address);
    }

    private boolean blocked(String key, Instant now) {
        Failures f = failures.get(key);
        return f != null && f.blockedUntil() != null && now.isBefore(f.blockedUntil());
    }

    private void refund(String key, int limit) {
        failures.computeIfPresent(key, (k, f) -> f.count() <= 1 ? null
                : new Failures(f.count() - 1, f.first(), f.count() - 1 >= limit ? f.blockedUntil() : null));
    }

    private void fail(String key, int limit, Instant now) {
        if (failures.size() > properties.maxTracked()) {
            forget(now);
        }
        failures.compute(key, (k, f) -> {
            if (f == null || f.first().plus(properties.window()).isBefore(now)
                    || (f.blockedUntil() != null && !now.isBefore(f.blockedUntil()))) {
                f = new Failures(0, now, null);
            }
            int count = f.count() + 1;
            Instant blockedUntil = count >= limit ? now.plus(properties.coolDown()) : null;
            return new Failures(count, f.first(), blockedUntil);
        });
    }

    /**
     * Makes room in a full table, down to half of it so that the scans stay rare. A flood of made-up names
     * must not wipe the cool-downs it is meant to get around: expired entries go first, then those not
     * cooling down; all of them only when even the cool-downs fill half the table.
     */
    private void forget(Instant now) {
        int room = properties.maxTracked() / 2;
        failures.values().removeIf(f -> f.first().plus(properties.window()).isBefore(now)
                && (f.blockedUntil() == null || f.blockedUntil().isBefore(now)));
        if (failures.size() > room) {
            failures.values().removeIf(f -> f.blockedUntil() == null || !now.isBefore(f.blockedUntil()));
        }
        if (failures.size() > room) {
            failures.clear();
        }
    }
}
