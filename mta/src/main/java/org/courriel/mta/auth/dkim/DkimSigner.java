package org.courriel.mta.auth.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.courriel.store.dkim.DkimAlgorithm;
import org.courriel.store.dkim.DkimSigningKey;

/**
 * Makes DKIM-Signature fields (RFC 6376 §5) for a final message: relaxed/relaxed, the header set of
 * {@link DkimHeaderSet}, the whole body (never l=, §8.2), rsa-sha256 or ed25519-sha256 (RFC 8463). Pure: bytes
 * and keys in, header text out. Written here rather than taken from Apache jDKIM, whose signer knows RSA only.
 */
public final class DkimSigner {

    private static final int LINE = 76;

    private DkimSigner() {
    }

    /**
     * The DKIM-Signature fields to put on top of {@code message}, one per key, each ended by CRLF; none
     * for no keys.
     */
    public static String sign(byte[] message, List<DkimSigningKey> keys, Instant now) {
        if (keys.isEmpty()) {
            return "";
        }
        RawHeaderSection header = RawHeaderSection.parse(message);
        String bodyHash = Base64.getEncoder().encodeToString(
                DkimRelaxedCanonicalizer.bodyHash(message, header.bodyStart()));
        List<String> names = DkimHeaderSet.names(header);
        StringBuilder signedHeaders = new StringBuilder();
        for (String field : DkimHeaderSet.select(header, names)) {
            signedHeaders.append(DkimRelaxedCanonicalizer.header(field));
        }
        StringBuilder out = new StringBuilder();
        for (DkimSigningKey key : keys) {
            out.append(signature("DKIM-Signature:", "v=1;", key, names, bodyHash, signedHeaders, now));
        }
        return out.toString();
    }

    /**
     * A field signed as a DKIM-Signature is, under another name and with another first tag: what ARC's
     * ARC-Message-Signature is ({@code ARC-Message-Signature}, {@code i=N;}, RFC 8617 §4.1.2). With its CRLF.
     */
    public static String signatureField(String fieldName, String firstTag, byte[] message, DkimSigningKey key,
            Instant now) {
        RawHeaderSection header = RawHeaderSection.parse(message);
        String bodyHash = Base64.getEncoder().encodeToString(
                DkimRelaxedCanonicalizer.bodyHash(message, header.bodyStart()));
        List<String> names = DkimHeaderSet.names(header);
        StringBuilder signedHeaders = new StringBuilder();
        for (String field : DkimHeaderSet.select(header, names)) {
            signedHeaders.append(DkimRelaxedCanonicalizer.header(field));
        }
        return signature(fieldName + ":", firstTag, key, names, bodyHash, signedHeaders, now);
    }

    private static String signature(String start, String firstTag, DkimSigningKey key, List<String> names,
            String bodyHash, CharSequence signedHeaders, Instant now) {
        Folder f = new Folder(start);
        f.add(firstTag);
        f.add("a=" + key.key().algorithm().tag() + ";");
        f.add("c=relaxed/relaxed;");
        f.add("d=" + key.key().domain() + ";");
        f.add("s=" + key.key().selector() + ";");
        f.add("t=" + now.getEpochSecond() + ";"); // RFC 6376 §3.5 t=
        f.addList("h=", names, ':');
        f.add("bh=" + bodyHash + ";");
        f.add("b=");
        String unsigned = f.text();
        String b = Base64.getEncoder().encodeToString(sign(key, signingInput(signedHeaders, unsigned)));
        return unsigned + fold(b, LINE - f.column()) + "\r\n";
    }

    /**
     * RFC 6376 §3.7: the canonical signed fields, then the signature field itself with b= empty, canonicalized,
     * without its final CRLF.
     */
    static byte[] signingInput(CharSequence canonicalSignedFields, String unsignedSignatureField) {
        String canonical = DkimRelaxedCanonicalizer.header(unsignedSignatureField);
        return (canonicalSignedFields + canonical.substring(0, canonical.length() - 2))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The signature of {@code input} with the key's algorithm (ed25519-sha256 over its SHA-256, RFC 8463 §3). */
    public static byte[] sign(DkimSigningKey key, byte[] input) {
        try {
            Signature signer = Signature.getInstance(key.key().algorithm().jcaSignature());
            signer.initSign(key.privateKey());
            if (key.key().algorithm() == DkimAlgorithm.ED25519_SHA256) {
                // RFC 8463 §3: PureEdDSA over the SHA-256 hash of the data, not over the data itself.
                signer.update(DkimRelaxedCanonicalizer.sha256().digest(input));
            } else {
                signer.update(input);
            }
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + key, e);
        }
    }

    /** The b= value split by FWS (RFC 6376 §3.5 base64string allows it; verifiers remove it with the value). */
    public static String fold(String b64, int firstRoom) {
        StringBuilder out = new StringBuilder();
        int room = Math.max(firstRoom, 8);
        int i = 0;
        while (i < b64.length()) {
            int end = Math.min(b64.length(), i + room);
            if (i > 0) {
                out.append("\r\n ");
            }
            out.append(b64, i, end);
            i = end;
            room = LINE - 1;
        }
        return out.toString();
    }

    /** Lays tags out on lines of at most {@link #LINE} characters, folding between them. */
    private static final class Folder {
        private final StringBuilder text;
        private int column;

        Folder(String start) {
            text = new StringBuilder(start);
            column = start.length();
        }

        void add(String tag) {
            if (column + 1 + tag.length() > LINE) {
                text.append("\r\n");
                column = 0;
            }
            text.append(' ').append(tag);
            column += 1 + tag.length();
        }

        void addList(String tag, List<String> items, char separator) {
            add(tag + items.get(0) + (items.size() == 1 ? ";" : String.valueOf(separator)));
            for (int i = 1; i < items.size(); i++) {
                String item = items.get(i) + (i == items.size() - 1 ? ";" : String.valueOf(separator));
                if (column + item.length() > LINE) {
                    text.append("\r\n "); // FWS inside h= is allowed around the colons (§3.5)
                    column = 1;
                }
                text.append(item);
                column += item.length();
            }
        }

        String text() {
            return text.toString();
        }

        int column() {
            return column;
        }
    }
}
