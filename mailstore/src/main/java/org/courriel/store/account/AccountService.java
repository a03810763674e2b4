package org.courriel.store.account;

import java.util.List;
import java.util.Optional;

import org.courriel.store.StoreException;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.training.TrainingOutbox;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: creation with their standard mailboxes, passwords (hashed by spring-security-crypto's
 * delegating encoder, bcrypt by default, never reversible, with SCRAM-SHA-256 keys beside), quotas and
 * authentication. Password checks of every protocol end here, behind one {@link CredentialCache}.
 */
@Service
@Transactional
@EnableConfigurationProperties(CredentialProperties.class)
public class AccountService {


    private final AccountRepository accounts;
    private final DomainService domains;
    private final MailboxService mailboxes;
    private final DirectoryChanges changes;
    private final TrainingOutbox training;
    private final org.courriel.store.acl.MailboxAcl acl;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /** Checked when an address is unknown, so that a login costs the same time whether it exists or not. */
    private final String dummyHash = passwords.encode("no account has this password");

    private final CredentialCache cache;
    private final int scramIterations;

    AccountService(AccountRepository accounts, DomainService domains, MailboxService mailboxes,
            DirectoryChanges changes, TrainingOutbox training, CredentialProperties credentials,
            org.courriel.store.acl.MailboxAcl acl) {
        this.acl = acl;
        this.cache = new CredentialCache(credentials.cacheTtl(), credentials.cacheSize());
        this.scramIterations = credentials.scramIterations();
        this.accounts = accounts;
        this.training = training;
        this.domains = domains;
        this.mailboxes = mailboxes;
        this.changes = changes;
    }

    /** Creates an account in a local domain, with INBOX and the RFC 6154 special-use mailboxes. */
    public AccountInfo create(String address, String password, String displayName, long quotaBytes) {
        String normal = mailboxOwnerAddress(address);
        Domain domain = domains.find(Addresses.domainOf(normal));
        checkPassword(password);
        if (accounts.findByAddress(normal).isPresent()) {
            throw StoreException.exists("account " + normal);
        }
        if (quotaBytes < 0) {
            throw StoreException.invalid("quota must not be negative");
        }
        Account account = new Account(domain, normal, passwords.encode(password), displayName, quotaBytes);
        account.setScramKeys(ScramKeys.derive(password, scramIterations));
        account = accounts.insert(account);
        mailboxes.createDefaults(account.getId());
        changes.changed();
        return account.info();
    }

    /**
     * Creates the owner of a domain-shared mailbox (info@example.org, seen as "Shared Folders/info"): an account
     * row marked shared, with an INBOX only, a password hash no password matches, and no login (authentication
     * refuses it whatever the password). Who reads it is its INBOX's access control list. {@code quotaBytes} is
     * its quota as for a user (0: none, as {@code user add} without {@code --quota}); the mail all its readers
     * keep there counts against it.
     */
    public AccountInfo createShared(String address, String displayName, long quotaBytes) {
        String normal = mailboxOwnerAddress(address);
        Domain domain = domains.find(Addresses.domainOf(normal));
        if (accounts.findByAddress(normal).isPresent()) {
            throw StoreException.exists("account " + normal);
        }
        if (quotaBytes < 0) {
            throw StoreException.invalid("quota must not be negative");
        }
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        Account account = new Account(domain, normal, passwords.encode(java.util.HexFormat.of().formatHex(secret)),
                displayName, quotaBytes);
        account.markShared();
        account = accounts.insert(account);
        mailboxes.createInbox(account.getId());
        changes.changed();
        return account.info();
    }

    /**
     * The address of a new account or shared mailbox: its local part names it in "Other Users/bob/..." and
     * "Shared Folders/info/..." (RFC 2342), where '/' is the hierarchy delimiter, so a local part with '/' would
     * read as another user's folder ("bob/x" as bob's "x/..."). It is refused rather than escaped; aliases and
     * remote addresses may still hold one.
     */
    private static String mailboxOwnerAddress(String address) {
        String normal = Addresses.address(address);
        if (Addresses.localPartOf(normal).indexOf('/') >= 0) {
            throw StoreException.invalid("an account's local part cannot hold '/', the mailbox hierarchy delimiter: "
                    + normal);
        }
        return normal;
    }

    /** Whether the address belongs to the owner of a domain-shared mailbox. */
    @Transactional(readOnly = true)
    public boolean isShared(String address) {
        return find(address).flatMap(a -> accounts.findById(a.id())).map(Account::isShared).orElse(false);
    }

    /** The owners of domain-shared mailboxes, by address. */
    @Transactional(readOnly = true)
    public List<AccountInfo> listShared() {
        return accounts.findAllByOrderByAddress().stream().filter(Account::isShared).map(Account::info).toList();
    }

    @Transactional(readOnly = true)
    public Optional<AccountInfo> find(String address) {
        try {
            return accounts.findByAddress(Addresses.address(address)).map(Account::info);
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    @Transactional(readOnly = true)
    public Optional<AccountInfo> find(long id) {
        return accounts.findById(id).map(Account::info);
    }

    @Transactional(readOnly = true)
    public List<AccountInfo> list() {
        return accounts.findAllByOrderByAddress().stream().map(Account::info).toList();
    }

    /**
     * The account when the password matches and the account is enabled; empty otherwise, in about the same
     * time either way. A password verified recently against the account's current hash is not run through
     * bcrypt again ({@link CredentialCache}); the account row is read in any case, so a password set on another
     * node, or a disabled account, applies at once.
     */
    @Transactional(readOnly = true)
    public Optional<AccountInfo> authenticate(String address, String password) {
        Optional<Account> account;
        try {
            account = accounts.findByAddress(Addresses.address(address));
        } catch (StoreException e) {
            account = Optional.empty();
        }
        if (account.isEmpty()) {
            passwords.matches(password, dummyHash);
            return Optional.empty();
        }
        Account a = account.get();
        String hash = a.getPasswordHash();
        if (!cache.verified(a.getAddress(), password, hash)) {
            if (!passwords.matches(password, hash)) {
                return Optional.empty();
            }
            cache.remember(a.getAddress(), password, hash);
        }
        return a.isEnabled() && !a.isShared() ? Optional.of(a.info()) : Optional.empty();
    }

    /**
     * The account when these credentials were verified recently against its current hash ({@link CredentialCache})
     * and it is enabled; empty otherwise, without running bcrypt. Lets the login throttle answer a client that
     * repeats known-good credentials (every HTTP request carries them) without counting an attempt first.
     */
    @Transactional(readOnly = true)
    public Optional<AccountInfo> authenticateRemembered(String address, String password) {
        Optional<Account> account;
        try {
            account = accounts.findByAddress(Addresses.address(address));
        } catch (StoreException e) {
            return Optional.empty();
        }
        return account.filter(a -> a.isEnabled() && !a.isShared() && cache.verified(a.getAddress(), password, a.getPasswordHash()))
                .map(Account::info);
    }

    public void setPassword(String address, String password) {
        checkPassword(password);
        Account account = get(address);
        if (account.isShared()) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED,
                    address + " is a shared mailbox: nobody logs in to it");
        }
        account.setPasswordHash(passwords.encode(password));
        account.setScramKeys(ScramKeys.derive(password, scramIterations));
        accounts.update(account);
        changes.changed();
    }

    /**
     * The SCRAM-SHA-256 keys of an enabled account; empty for an unknown or disabled account and for one whose
     * password was set before the keys were stored (until its next password change).
     */
    @Transactional(readOnly = true)
    public Optional<ScramKeys> scramKeys(String address) {
        try {
            return accounts.findByAddress(Addresses.address(address)).filter(a -> a.isEnabled() && !a.isShared())
                    .flatMap(Account::getScramKeys);
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    public void setQuota(String address, long quotaBytes) {
        if (quotaBytes < 0) {
            throw StoreException.invalid("quota must not be negative");
        }
        Account account = get(address);
        account.setQuotaBytes(quotaBytes);
        accounts.update(account);
        changes.changed();
    }

    public void setEnabled(String address, boolean enabled) {
        Account account = get(address);
        account.setEnabled(enabled);
        accounts.update(account);
        changes.changed();
    }

    public void setAdmin(String address, boolean admin) {
        Account account = get(address);
        account.setAdmin(admin);
        accounts.update(account);
        changes.changed();
    }

    public void setDisplayName(String address, String displayName) {
        Account account = get(address);
        account.setDisplayName(displayName);
        accounts.update(account);
        changes.changed();
    }

    /** Deletes the account with all its mailboxes, messages and spam training rows. */
    public void delete(String address) {
        Account account = get(address);
        training.forget(account.getId());
        mailboxes.deleteAll(account.getId());
        acl.forget(account.getAddress());
        accounts.delete(account);
        changes.changed();
    }

    private Account get(String address) {
        return accounts.findByAddress(Addresses.address(address))
                .orElseThrow(() -> StoreException.notFound("account " + address));
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 8) {
            throw StoreException.invalid("the password needs at least 8 characters");
        }
        if (password.length() > 256) {
            throw StoreException.invalid("the password is longer than 256 characters");
        }
    }
}
