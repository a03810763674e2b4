package org.courriel.store.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.courriel.store.StoreException;
import org.courriel.store.StoreProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves an envelope recipient: account, alias (expanded recursively, loops and depth bounded),
 * sub-address ({@code user+tag@domain} when a delimiter is configured), then the domain's catch-all.
 * <p>
 * Answers are cached for {@code courriel.store.recipient-cache} (an SMTP transaction asks at RCPT and again
 * at delivery, and mail comes in bursts to the same people), except those naming an account with a quota,
 * whose usage every delivery changes. A change to domains, accounts or aliases made on
 * this node empties the cache ({@link DirectoryChanges}); one made on another node is seen when the entry
 * expires.
 */
@Service
public class RecipientResolver {

    static final int MAX_ALIAS_DEPTH = 10;
    /** Most addresses cached; past it the cache starts over. */
    static final int MAX_CACHED = 50_000;

    private record Cached(Recipient recipient, long generation, long expiresAt) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final DirectoryChanges changes;
    private final long ttlNanos;
    private final TransactionTemplate readOnly;

    private final AccountRepository accounts;
    private final AliasRepository aliases;
    private final DomainService domains;
    private final String delimiter;

    RecipientResolver(AccountRepository accounts, AliasRepository aliases, DomainService domains,
            StoreProperties properties, DirectoryChanges changes, PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.aliases = aliases;
        this.domains = domains;
        this.delimiter = properties.recipientDelimiter();
        this.changes = changes;
        this.ttlNanos = properties.recipientCache().toNanos();
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public Recipient resolve(String address) {
        if (ttlNanos <= 0) {
            return readOnly.execute(s -> lookup(address));
        }
        long now = System.nanoTime();
        long generation = changes.generation();
        Cached cached = cache.get(address);
        if (cached != null && cached.generation() == generation && now - cached.expiresAt() < 0) {
            return cached.recipient();
        }
        Recipient recipient = readOnly.execute(s -> lookup(address));
        if (cacheable(recipient)) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(address, new Cached(recipient, generation, now + ttlNanos));
        }
        return recipient;
    }

    /** An answer naming an account with a quota carries its usage, which every delivery changes: not kept. */
    private static boolean cacheable(Recipient recipient) {
        return !(recipient instanceof Recipient.Local local) || local.accounts().stream().allMatch(a -> a.quotaBytes() == 0);
    }

    private Recipient lookup(String address) {
        String normal;
        try {
            normal = Addresses.address(address);
        } catch (StoreException e) {
            return new Recipient.Unknown(address);
        }
        String domain = Addresses.domainOf(normal);
        if (!domains.isLocal(domain)) {
            return new Recipient.Remote(normal);
        }
        Map<Long, AccountInfo> found = new LinkedHashMap<>();
        Set<String> forwards = new LinkedHashSet<>();
        if (expand(normal, found, forwards, new LinkedHashSet<>(), 0)) {
            return local(normal, found, forwards);
        }
        String base = withoutDetail(normal);
        if (base != null && expand(base, found, forwards, new LinkedHashSet<>(), 0)) {
            return local(normal, found, forwards);
        }
        Optional<Alias> catchAll = aliases.findByAddress("@" + domain);
        if (catchAll.isPresent()) {
            expandTargets(catchAll.get(), found, forwards, new LinkedHashSet<>(), 0);
            return local(normal, found, forwards);
        }
        return new Recipient.Unknown(normal);
    }

    private static Recipient local(String address, Map<Long, AccountInfo> found, Set<String> forwards) {
        if (found.isEmpty() && forwards.isEmpty()) {
            return new Recipient.Unknown(address);
        }
        return new Recipient.Local(address, List.copyOf(found.values()), List.copyOf(forwards));
    }

    /** Adds what {@code address} delivers to; false when it is neither an account nor an alias. */
    private boolean expand(String address, Map<Long, AccountInfo> found, Set<String> forwards, Set<String> seen,
            int depth) {
        if (!seen.add(address) || depth > MAX_ALIAS_DEPTH) {
            return true;
        }
        Optional<Account> account = accounts.findByAddress(address);
        if (account.isPresent()) {
            if (account.get().isEnabled()) {
                found.putIfAbsent(account.get().getId(), account.get().info());
            }
            return true;
        }
        Optional<Alias> alias = aliases.findByAddress(address);
        if (alias.isPresent()) {
            expandTargets(alias.get(), found, forwards, seen, depth);
            return true;
        }
        return false;
    }

    private void expandTargets(Alias alias, Map<Long, AccountInfo> found, Set<String> forwards, Set<String> seen,
            int depth) {
        for (String target : new ArrayList<>(alias.getTargets())) {
            if (domains.isLocal(Addresses.domainOf(target))) {
                expand(target, found, forwards, seen, depth + 1);
            } else {
                forwards.add(target);
            }
        }
    }

    private String withoutDetail(String address) {
        if (delimiter == null || delimiter.isEmpty()) {
            return null;
        }
        String local = Addresses.localPartOf(address);
        int cut = local.indexOf(delimiter);
        if (cut <= 0) {
            return null;
        }
        return local.substring(0, cut) + "@" + Addresses.domainOf(address);
    }
}
