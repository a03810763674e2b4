package org.courriel.store.account;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A user: an address with a password, a quota and its own mailboxes. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "domain_id", nullable = false)
    private Domain domain;

    @Column(nullable = false, length = 320)
    private String address;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "scram_salt", length = 64)
    private String scramSalt;

    @Column(name = "scram_iterations")
    private Integer scramIterations;

    @Column(name = "scram_stored_key", length = 64)
    private String scramStoredKey;

    @Column(name = "scram_server_key", length = 64)
    private String scramServerKey;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "quota_bytes", nullable = false)
    private long quotaBytes;

    @Column(name = "used_bytes", nullable = false)
    private long usedBytes;

    @Column(nullable = false)
    private boolean enabled;

    @Column(nullable = false)
    private boolean admin;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** A domain-shared mailbox's owner: receives mail, never logs in (V93). */
    @Column(nullable = false)
    private boolean shared;

    protected Account() {
    }

    public Account(Domain domain, String address, String passwordHash, String displayName, long quotaBytes) {
        this.domain = domain;
        this.address = address;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.quotaBytes = quotaBytes;
        this.enabled = true;
        this.createdAt = Instant.now();
    }

    public AccountInfo info() {
        return new AccountInfo(id, address, displayName, quotaBytes, usedBytes, enabled, admin);
    }

    public Long getId() {
        return id;
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
