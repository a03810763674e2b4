package org.courriel.mta.auth.arc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.courriel.mta.auth.dkim.DkimSigner;
import org.courriel.mta.auth.message.InboundMessage.Field;
import org.courriel.mta.auth.message.InboundMessage;
import org.courriel.store.dkim.DkimAlgorithm;
import org.courriel.store.dkim.DkimSigningKey;

/**
 * Makes the ARC set (RFC 8617 §5.1) this server adds to mail it received and passes on: the
 * ARC-Authentication-Results copied from its own Authentication-Results, an ARC-Message-Signature made as
 * DKIM makes a signature, and the ARC-Seal over every set. Pure: bytes and a key in, header text out.
 */
public final class ArcSealer {

    private static final int LINE = 76;

    private ArcSealer() {
    }

    /**
     * The three fields of instance N+1 to put on top of {@code message}, each ended by CRLF; empty when there is
     * nothing to seal: no Authentication-Results of {@code authservId} to copy, a chain this server did not find
     * passing (it is not extended, RFC 8617 §5.1.2 lets a sealer stop), already 50 sets, or a key that is not
     * rsa-sha256 (the only algorithm of RFC 8617 §4.1.3 receivers know).
     */
    public static String seal(byte[] message, String authservId, DkimSigningKey key, Instant now) {
        if (key.key().algorithm() != DkimAlgorithm.RSA_SHA256) {
            return "";
        }
        InboundMessage parsed = InboundMessage.parse(message);
        Field ours = ourResults(parsed, authservId);
        if (ours == null) {
            return "";
        }
        ArcChain chain = ArcChain.of(parsed);
        ArcResult cv = chain.instances() == 0 ? ArcResult.NONE : ArcResult.PASS;
        if (chain.failure() != null || chain.instances() > 0 && !arcPassIn(ours)
                || chain.instances() >= ArcChain.MAX_INSTANCE) {
            return "";
        }
        int instance = chain.instances() + 1;
        String results = ours.raw().substring(ours.raw().indexOf(':') + 1);
        String aar = "ARC-Authentication-Results: i=" + instance + ";" + results; // RFC 8617 §4.1.1
        String ams = DkimSigner.signatureField(ArcChain.AMS, "i=" + instance + ";", message, key, now);
        ams = ams.substring(0, ams.length() - 2);
        String unsigned = "ARC-Seal: i=" + instance + "; cv=" + cv.keyword() + "; a=rsa-sha256; d="
                + key.key().domain() + "; s=" + key.key().selector() + ";\r\n t=" + now.getEpochSecond() + "; b=";
        byte[] input = ArcValidator.sealInput(chain.sets(), aar, ams, unsigned).getBytes(StandardCharsets.ISO_8859_1);
        String b = Base64.getEncoder().encodeToString(DkimSigner.sign(key, input));
        int column = unsigned.length() - unsigned.lastIndexOf('\n') - 1;
        String seal = unsigned + DkimSigner.fold(b, LINE - column);
        return seal + "\r\n" + ams + "\r\n" + aar + "\r\n";
    }

    /** The topmost Authentication-Results whose authserv-id is ours (RFC 8601 §2.2), or null. */
    static Field ourResults(InboundMessage message, String authservId) {
        String id = authservId.toLowerCase(Locale.ROOT);
        for (Field f : message.fields("Authentication-Results")) {
            String value = f.value();
            int semicolon = value.indexOf(';');
            String first = (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
            if (first.equals(id)) {
                return f;
            }
        }
        return null;
    }

    /** Our own results say the chain passed here (RFC 8617 §5.1: the cv= of the new seal). */
    private static boolean arcPassIn(Field results) {
        List<String> parts = List.of(results.value().replaceAll("\\([^)]*\\)", "").split(";"));
        return parts.stream().map(String::strip).anyMatch(p -> p.toLowerCase(Locale.ROOT).startsWith("arc=pass"));
    }
}
