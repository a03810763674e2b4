package org.courriel.store.transfer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether a folder holds a message already: one of its messages has the same content, found by the SHA-256
 * of the exact bytes that the content table keeps ({@link org.courriel.store.content.ContentStore}). The hash
 * covers the Message-ID with every other byte, and lives in the store, so every node answers alike.
 */
@Repository
class StoredCopies {

    private final JdbcClient jdbc;

    StoredCopies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean holds(long mailboxId, String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM message m JOIN content c ON c.id = m.content_id "
                        + "WHERE m.mailbox_id = ? AND c.sha256 = ?")
                .params(mailboxId, sha256).query(Long.class).single() > 0;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
