package org.courriel.store.mailbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.courriel.store.StoreException;

/**
 * Rules for mailbox names: UTF-8, '/' as the hierarchy delimiter, INBOX case-insensitive
 * (RFC 9051 §5.1), no empty levels, no list wildcards, no control characters.
 */
public final class MailboxName {

    public static final String INBOX = "INBOX";
    public static final char DELIMITER = '/';
    /** Longest name in bytes of UTF-8; the column holds 1000 characters. */
    public static final int MAX_BYTES = 900;

    private MailboxName() {
    }

    /** The stored form of a name: INBOX (and its children's prefix) in upper case, everything else as given. */
    public static String normalize(String name) {
        if (name == null) {
            throw StoreException.invalid("no mailbox name");
        }
        if (name.equalsIgnoreCase(INBOX)) {
            return INBOX;
        }
        if (name.length() > INBOX.length() && name.substring(0, INBOX.length() + 1).equalsIgnoreCase(INBOX + DELIMITER)) {
            return INBOX + name.substring(INBOX.length());
        }
        return name;
    }

    /** Normalizes and checks a name a user wants to create or rename to. */
    public static String valid(String name) {
        String n = normalize(name);
        if (n.isEmpty() || n.charAt(0) == DELIMITER || n.charAt(n.length() - 1) == DELIMITER
                || n.contains("//")) {
            throw StoreException.invalid("mailbox names have no empty levels: " + name);
        }
        if (n.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw StoreException.invalid("mailbox name longer than " + MAX_BYTES + " bytes");
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '*' || c == '%') {
                throw StoreException.invalid("mailbox names have no control characters nor * or %: " + name);
            }
        }
        return n;
    }

    /** The names of the levels above {@code name}, outermost first ("a/b/c" gives "a", "a/b"). */
    public static List<String> parents(String name) {
        List<String> parents = new ArrayList<>();
        for (int i = name.indexOf(DELIMITER); i > 0; i = name.indexOf(DELIMITER, i + 1)) {
            parents.add(name.substring(0, i));
        }
        return parents;
    }

    public static boolean isInbox(String name) {
        return INBOX.equals(normalize(name));
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
