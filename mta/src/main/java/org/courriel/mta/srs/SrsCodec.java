package org.courriel.mta.srs;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Sender Rewriting Scheme's address format (Shevek, "Sender Rewriting Scheme", 2004, as libsrs2 and postsrsd
 * implement it): pure, strings in and strings out.
 * <pre>
 *   SRS0=HHHHHH=TT=domain=local@forwarder                     (a sender rewritten once)
 *   SRS1=HHHHHH=first-forwarder==HHHH=TT=domain=local@forwarder (an SRS0 address of another forwarder)
 * </pre>
 * {@code TT} is the day (days since 1970 mod 1024) in two base32 characters; {@code HHHHHH} the first
 * {@value #HASH_LENGTH} base64 characters of an HMAC-SHA256 of the other fields, lower-cased, so that a hash
 * survives an MTA that changes the case of a local part, and it is compared without regard to case (as
 * libsrs2 does). An SRS1 address carries the inner SRS0 part unchanged; its own hash covers the first
 * forwarder and that part, so a bounce goes back to the first forwarder, which checks its own hash and age.
 */
public final class SrsCodec {

    /** Base64 characters of the HMAC kept in an address. */
    public static final int HASH_LENGTH = 6;

    /** Days the two-character timestamp counts before it wraps. */
    static final int TIMESTAMP_DAYS = 1024;

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final char SEPARATOR = '=';

    private SrsCodec() {
    }

    /**
     * The rewritten reverse-path of {@code sender} (local@domain) at {@code forwarder}, signed with {@code key}.
     * An SRS0 or SRS1 sender of another forwarder becomes SRS1, so that the local part does not grow on every hop.
     */
    public static String forward(String sender, String forwarder, byte[] key, long epochDay) {
        int at = sender.lastIndexOf('@');
        if (at <= 0 || at == sender.length() - 1) {
            throw new IllegalArgumentException("not an address: " + sender);
        }
        String local = sender.substring(0, at);
        String domain = sender.substring(at + 1);
        if (isTagged(local, "SRS0")) {
            // Shevek §5.2: SRS1=hash=first-forwarder=<the SRS0 local part after "SRS0">
            String user = local.substring(4);
            return "SRS1=" + hash(key, domain, user) + SEPARATOR + domain + SEPARATOR + user + "@" + forwarder;
        }
        if (isTagged(local, "SRS1")) {
            String[] parts = srs1(local);
            if (parts != null) {
                return "SRS1=" + hash(key, parts[1], parts[2]) + SEPARATOR + parts[1] + SEPARATOR + parts[2]
                        + "@" + forwarder;
            }
        }
        String timestamp = timestamp(epochDay);
        return "SRS0=" + hash(key, timestamp, domain, local) + SEPARATOR + timestamp + SEPARATOR + domain
                + SEPARATOR + local + "@" + forwarder;
    }

    /**
     * What {@code local}, the local part of an address at our forwarding domain, stands for.
     *
     * @param keys       every accepted key (rotation): a hash made with any of them is valid
     * @param maxAgeDays the oldest SRS0 timestamp accepted, in days
     */
    public static SrsDecoding reverse(String local, List<byte[]> keys, long epochDay, int maxAgeDays) {
        if (isTagged(local, "SRS0")) {
            return reverseSrs0(local, keys, epochDay, maxAgeDays);
        }
        if (isTagged(local, "SRS1")) {
            String[] parts = srs1(local);
            if (parts == null || parts[1].isEmpty()) {
                return new SrsDecoding.Invalid("malformed SRS1 address");
            }
            if (!anyMatches(keys, parts[0], parts[1], parts[2])) {
                return new SrsDecoding.Invalid("bad SRS1 hash");
            }
            return new SrsDecoding.Original("SRS0" + parts[2] + "@" + parts[1]);
        }
        return new SrsDecoding.NotSrs();
    }

    private static SrsDecoding reverseSrs0(String local, List<byte[]> keys, long epochDay, int maxAgeDays) {
        // SRS0=hash=TT=domain=local: the original local part may itself hold '='.
        String[] parts = local.substring(5).split(String.valueOf(SEPARATOR), 4);
        if (parts.length != 4 || parts[2].isEmpty() || parts[3].isEmpty()) {
            return new SrsDecoding.Invalid("malformed SRS0 address");
        }
        Integer then = day(parts[1]);
        if (then == null) {
            return new SrsDecoding.Invalid("bad SRS0 timestamp");
        }
        if (!anyMatches(keys, parts[0], parts[1], parts[2], parts[3])) {
            return new SrsDecoding.Invalid("bad SRS0 hash");
        }
        long age = Math.floorMod(epochDay - then, TIMESTAMP_DAYS);
        if (age > maxAgeDays) {
            return new SrsDecoding.Invalid("SRS0 address expired " + (age - maxAgeDays) + " days ago");
        }
        return new SrsDecoding.Original(parts[3] + "@" + parts[2]);
    }

    /** {@code SRS1=hash=host=user} as [hash, host, user], user keeping its leading separator; null if malformed. */
    private static String[] srs1(String local) {
        String rest = local.substring(5);
        int first = rest.indexOf(SEPARATOR);
        if (first < 0) {
            return null;
        }
        int second = rest.indexOf(SEPARATOR, first + 1);
        if (second < 0 || second == rest.length() - 1) {
            return null;
        }
        return new String[] {rest.substring(0, first), rest.substring(first + 1, second), rest.substring(second + 1)};
    }

    /** "SRS0" or "SRS1" in any case, then a separator: '=' as we write it, '+' or '-' as some forwarders do. */
    private static boolean isTagged(String local, String tag) {
        return local.length() > 5 && local.regionMatches(true, 0, tag, 0, 4) && "=+-".indexOf(local.charAt(4)) >= 0;
    }

    static String timestamp(long epochDay) {
        int t = (int) Math.floorMod(epochDay, TIMESTAMP_DAYS);
        return "" + BASE32.charAt(t >> 5) + BASE32.charAt(t & 31);
    }

    /** The day a timestamp names (mod 1024), null when it is not two base32 characters. */
    static Integer day(String timestamp) {
        if (timestamp.length() != 2) {
            return null;
        }
        int high = BASE32.indexOf(Character.toUpperCase(timestamp.charAt(0)));
        int low = BASE32.indexOf(Character.toUpperCase(timestamp.charAt(1)));
        return high < 0 || low < 0 ? null : high << 5 | low;
    }

    private static boolean anyMatches(List<byte[]> keys, String hash, String... fields) {
        boolean match = false;
        for (byte[] key : keys) {
            // every key is tried, so the time taken does not say which one matched
            match |= hash.length() == HASH_LENGTH && hash.equalsIgnoreCase(hash(key, fields));
        }
        return match;
    }

    static String hash(byte[] key, String... fields) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (String field : fields) {
                mac.update(field.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0); // so that "ab"+"c" and "a"+"bc" differ
            }
            return Base64.getEncoder().encodeToString(mac.doFinal()).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
