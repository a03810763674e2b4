package org.courriel.store.dkim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private keys for the database with AES-256-GCM under a master key kept in a file outside it, so a
 * database dump or backup alone does not give away the keys. The key's owner name (domain and selector) is the
 * associated data: a ciphertext copied onto another row does not decrypt.
 * <p>
 * The master key file is made on first use, owner-readable only, and published by a hard link so that two
 * processes starting together (server and command line) agree on one key.
 */
final class DkimKeyVault {

    private static final String PREFIX = "aes-gcm-1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path file;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKey key;

    DkimKeyVault(Path file) {
        this.file = file;
    }

    String encrypt(byte[] plain, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a DKIM key", e);
        }
    }

    /** @throws IllegalStateException when the text was not sealed by this master key for this owner */
    byte[] decrypt(String sealedText, String owner) {
        if (!sealedText.startsWith(PREFIX)) {
            throw new IllegalStateException("the stored key of " + owner + " is in an unknown format");
        }
        byte[] in = Base64.getDecoder().decode(sealedText.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored key of " + owner + " does not decrypt with " + file
                    + " (another node's or a lost master key?)");
        }
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadOrCreate(), "AES");
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] loadOrCreate() {
        try {
            if (!Files.exists(file)) {
                create();
            }
            byte[] raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (raw.length != 32) {
                throw new IllegalStateException(file + " does not hold a 256-bit key");
            }
            return raw;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the DKIM master key " + file, e);
        }
    }

    private void create() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path temp = Files.createTempFile(dir, ".dkim-master", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            Files.writeString(temp, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII);
            Files.createLink(file, temp); // fails if another process published its key first: that one wins
        } catch (FileAlreadyExistsException e) {
            // read the winner's key
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
