package org.courriel.imap.protocol;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * EMAILID (RFC 8474 §5.1): "M" and the stored content's id enciphered under a secret of the installation, as 22
 * base64url characters (§7 allows ALPHA, DIGIT, "_" and "-"). Content is stored once for every account that
 * holds the same bytes, under sequential ids; an EMAILID that showed that id would tell whether given bytes exist
 * anywhere on the server and how much mail it holds (§11). Enciphered, the id reveals neither, the same bytes keep
 * the same EMAILID on every node, and SEARCH EMAILID maps one back at the cost of one block, whatever the mailbox
 * holds.
 * <p>
 * The block is AES over the content id and eight zero bytes: each id is one block of its own, so no mode chains
 * blocks, and the zeros tell an EMAILID this server gave out from any other string of the same form.
 */
public final class EmailIds {

    /** "M" and 16 enciphered bytes in base64url without padding. */
    private static final Pattern SYNTAX = Pattern.compile("M[A-Za-z0-9_-]{22}");

    private final SecretKeySpec key;

    /** With a key of 16, 24 or 32 bytes. */
    public EmailIds(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "AES");
        of(1);
    }

    public String of(long contentId) {
        byte[] block = ByteBuffer.allocate(16).putLong(contentId).array();
        return "M" + Base64.getUrlEncoder().withoutPadding().encodeToString(cipher(Cipher.ENCRYPT_MODE, block));
    }

    /** The content id an EMAILID names, or -1 for one this server never gave out (it matches nothing). */
    public long contentOf(String emailId) {
        // ObjectIDs are case-sensitive (RFC 8474 §7)
        if (!SYNTAX.matcher(emailId).matches()) {
            return -1;
        }
        byte[] block;
        try {
            block = Base64.getUrlDecoder().decode(emailId.substring(1));
        } catch (IllegalArgumentException e) {
            return -1;
        }
        ByteBuffer plain = ByteBuffer.wrap(cipher(Cipher.DECRYPT_MODE, block));
        long contentId = plain.getLong();
        return plain.getLong() == 0 && contentId > 0 ? contentId : -1;
    }

    private byte[] cipher(int mode, byte[] block) {
        try {
            // one block, unique per id: ECB is the bare block cipher here
            Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
            c.init(mode, key);
            return c.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is unavailable", e);
        }
    }
}
