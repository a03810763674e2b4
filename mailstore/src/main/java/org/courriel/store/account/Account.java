package org.courriel.store.account;

import java.util.Base64;
import java.util.Optional;

/** A user: an address with a password, a quota and its own mailboxes; a row of {@code account} ({@link AccountRepository}). */
public class Account {

    private Long id;
    private final long domainId;
    private final String address;
    private String passwordHash;
    private String scramSalt;
    private Integer scramIterations;
    private String scramStoredKey;
    private String scramServerKey;
    private String displayName;
    private long quotaBytes;
    private long usedBytes;
    private boolean enabled;
    private boolean admin;

    /** A domain-shared mailbox's owner: receives mail, never logs in (V93). */
    private boolean shared;

    public Account(Domain domain, String address, String passwordHash, String displayName, long quotaBytes) {
        this.domainId = domain.getId();
        this.address = address;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.quotaBytes = quotaBytes;
        this.enabled = true;
    }

    /** A row read back ({@link AccountRepository}). */
    Account(long id, long domainId, String address, String passwordHash, String displayName, long quotaBytes,
            long usedBytes, boolean enabled, boolean admin) {
        this.id = id;
        this.domainId = domainId;
        this.address = address;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.quotaBytes = quotaBytes;
        this.usedBytes = usedBytes;
        this.enabled = enabled;
        this.admin = admin;
    }

    public AccountInfo info() {
        return new AccountInfo(id, address, displayName, quotaBytes, usedBytes, enabled, admin);
    }

    public Long getId() {
        return id;
    }

    void assignId(long id) {
        this.id = id;
    }

    long getDomainId() {
        return domainId;
    }

    String getDisplayName() {
        return displayName;
    }

    long getQuotaBytes() {
        return quotaBytes;
    }

    boolean isAdmin() {
        return admin;
    }

    /** The stored form of the SCRAM keys: salt, iterations, StoredKey, ServerKey; nulls when there are none. */
    Object[] scramColumns() {
        return new Object[] {scramSalt, scramIterations, scramStoredKey, scramServerKey};
    }

    void setScramColumns(String salt, Integer iterations, String storedKey, String serverKey) {
        this.scramSalt = salt;
        this.scramIterations = iterations;
        this.scramStoredKey = storedKey;
        this.scramServerKey = serverKey;
    }

    public String getAddress() {
        return address;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /** The SCRAM-SHA-256 keys, empty for an account whose password was set before they were stored. */
    public Optional<ScramKeys> getScramKeys() {
        if (scramSalt == null || scramIterations == null || scramStoredKey == null || scramServerKey == null) {
            return Optional.empty();
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return Optional.of(new ScramKeys(b64.decode(scramSalt), scramIterations, b64.decode(scramStoredKey),
                b64.decode(scramServerKey)));
    }

    void setScramKeys(ScramKeys keys) {
        Base64.Encoder b64 = Base64.getEncoder();
        this.scramSalt = b64.encodeToString(keys.salt());
        this.scramIterations = keys.iterations();
        this.scramStoredKey = b64.encodeToString(keys.storedKey());
        this.scramServerKey = b64.encodeToString(keys.serverKey());
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    void setQuotaBytes(long quotaBytes) {
        this.quotaBytes = quotaBytes;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void setAdmin(boolean admin) {
        this.admin = admin;
    }

    /** Whether this row owns a domain-shared mailbox rather than being a user (no login). */
    public boolean isShared() {
        return shared;
    }

    void markShared() {
        this.shared = true;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
