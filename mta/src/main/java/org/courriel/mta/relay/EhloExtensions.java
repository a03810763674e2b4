package org.courriel.mta.relay;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The service extensions a server announced in its EHLO reply (RFC 5321 §4.1.1.1), as far as the client
 * uses them. After HELO (no extensions) every flag is off.
 *
 * @param maxSize         the SIZE limit (RFC 1870 §4), 0 when the server announced no fixed limit or none
 * @param authMechanisms  SASL mechanisms of AUTH (RFC 4954 §3), upper case
 * @param requireTls      REQUIRETLS (RFC 8689 §2)
 */
public record EhloExtensions(boolean pipelining, boolean startTls, boolean eightBitMime, boolean smtpUtf8,
        boolean dsn, boolean size, long maxSize, Set<String> authMechanisms, boolean requireTls) {

    public static final EhloExtensions NONE = new EhloExtensions(false, false, false, false, false, false, 0, Set.of());

    /** Extensions without REQUIRETLS. */
    public EhloExtensions(boolean pipelining, boolean startTls, boolean eightBitMime, boolean smtpUtf8, boolean dsn,
            boolean size, long maxSize, Set<String> authMechanisms) {
        this(pipelining, startTls, eightBitMime, smtpUtf8, dsn, size, maxSize, authMechanisms, false);
    }

    /** Reads the keywords of a positive EHLO reply: its first line is the greeting, the others one extension each. */
    public static EhloExtensions parse(RemoteReply ehlo) {
        boolean pipelining = false;
        boolean startTls = false;
        boolean eightBit = false;
        boolean utf8 = false;
        boolean dsn = false;
        boolean size = false;
        long maxSize = 0;
        boolean requireTls = false;
        Set<String> auth = new HashSet<>();
        List<String> lines = ehlo.lines();
        for (int i = 1; i < lines.size(); i++) {
            String[] words = lines.get(i).strip().split("\\s+");
            switch (words[0].toUpperCase(Locale.ROOT)) {
                case "PIPELINING" -> pipelining = true;           // RFC 2920
                case "STARTTLS" -> startTls = true;               // RFC 3207
                case "8BITMIME" -> eightBit = true;               // RFC 6152
                case "SMTPUTF8" -> utf8 = true;                   // RFC 6531
                case "DSN" -> dsn = true;                         // RFC 3461
                case "REQUIRETLS" -> requireTls = true;           // RFC 8689 §2
                case "SIZE" -> {                                  // RFC 1870 §4
                    size = true;
                    if (words.length > 1) {
                        try {
                            maxSize = Math.max(0, Long.parseLong(words[1]));
                        } catch (NumberFormatException e) {
                            maxSize = 0;
                        }
                    }
                }
                case "AUTH" -> {                                  // RFC 4954 §3
                    for (int w = 1; w < words.length; w++) {
                        auth.add(words[w].toUpperCase(Locale.ROOT));
                    }
                }
                default -> {
                }
            }
        }
        return new EhloExtensions(pipelining, startTls, eightBit, utf8, dsn, size, maxSize, Set.copyOf(auth),
                requireTls);
    }
}
