package org.courriel.store.acme;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The ACME state shared by the nodes (tables of V84, V85). Each call is one statement outside the group commit:
 * none of it is mail.
 */
@Service
public class AcmeStore {

    /** The one certificate every listener serves. */
    public static final String SERVER = "server";

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    public AcmeStore(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    AcmeStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The account key pair (PEM) registered with the CA of {@code directoryUrl}. */
    public Optional<String> accountKey(String directoryUrl) {
        return jdbc.sql("SELECT key_pair FROM acme_account WHERE directory_url = ?").param(directoryUrl)
                .query(String.class).optional();
    }

    /** Keeps the first account key stored for the directory and returns the one kept (two nodes racing agree). */
    public String saveAccountKey(String directoryUrl, String keyPair) {
        try {
            jdbc.sql("INSERT INTO acme_account (directory_url, key_pair, created_at) SELECT ?, ?, ?"
                    + " WHERE NOT EXISTS (SELECT 1 FROM acme_account WHERE directory_url = ?)")
                    .params(directoryUrl, keyPair, now(), directoryUrl).update();
        } catch (DuplicateKeyException raced) {
            // the other node's key is kept
        }
        return accountKey(directoryUrl).orElseThrow();
    }

    public Optional<AcmeCertificate> certificate(String name) {
        return jdbc.sql("SELECT names, key_pair, chain, not_after, issued_at FROM acme_certificate WHERE name = ?")
                .param(name)
                .query((rs, i) -> new AcmeCertificate(Arrays.asList(rs.getString(1).split(",")), rs.getString(2),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Replaces the stored certificate {@code name}. */
    public void saveCertificate(String name, AcmeCertificate certificate) {
        OffsetDateTime notAfter = certificate.notAfter().atOffset(ZoneOffset.UTC);
        OffsetDateTime issuedAt = certificate.issuedAt().atOffset(ZoneOffset.UTC);
        String names = String.join(",", certificate.names());
        int updated = jdbc.sql("UPDATE acme_certificate SET names = ?, key_pair = ?, chain = ?, not_after = ?,"
                + " issued_at = ? WHERE name = ?")
                .params(names, certificate.keyPair(), certificate.chain(), notAfter, issuedAt, name).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO acme_certificate (name, names, key_pair, chain, not_after, issued_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(name, names, certificate.keyPair(), certificate.chain(), notAfter, issuedAt).update();
        }
    }

    /** RFC 8555 §8.3: publishes the key authorization of {@code token} until it expires. */
    public void putChallenge(String token, String keyAuthorization, Duration lifetime) {
        jdbc.sql("DELETE FROM acme_challenge WHERE token = ? OR expires_at <= ?").params(token, now()).update();
        jdbc.sql("INSERT INTO acme_challenge (token, key_authorization, expires_at) VALUES (?, ?, ?)")
                .params(token, keyAuthorization, now().plus(lifetime)).update();
    }

    /** The key authorization of a token that has not expired. */
    public Optional<String> challenge(String token) {
        return jdbc.sql("SELECT key_authorization FROM acme_challenge WHERE token = ? AND expires_at > ?")
                .params(token, now()).query(String.class).optional();
    }

    public void removeChallenge(String token) {
        jdbc.sql("DELETE FROM acme_challenge WHERE token = ?").param(token).update();
    }

    /** Takes the right to order {@code name} for {@code length}, unless another node holds it. */
    public Optional<String> acquireLease(String name, Duration length) {
        OffsetDateTime now = now();
        jdbc.sql("DELETE FROM acme_lease WHERE name = ? AND expires_at <= ?").params(name, now).update();
        String holder = UUID.randomUUID().toString();
        try {
            int taken = jdbc.sql("INSERT INTO acme_lease (name, holder, expires_at) SELECT ?, ?, ?"
                    + " WHERE NOT EXISTS (SELECT 1 FROM acme_lease WHERE name = ?)")
                    .params(name, holder, now.plus(length), name).update();
            return taken == 1 ? Optional.of(holder) : Optional.empty();
        } catch (DuplicateKeyException held) {
            return Optional.empty();
        }
    }

    public void releaseLease(String name, String holder) {
        jdbc.sql("DELETE FROM acme_lease WHERE name = ? AND holder = ?").params(name, holder).update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

}
