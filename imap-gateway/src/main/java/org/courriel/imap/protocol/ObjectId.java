package org.courriel.imap.protocol;

import java.util.regex.Pattern;

/**
 * The object identifiers of OBJECTID (RFC 8474): MAILBOXID, "F" and the mailbox row's id, which RENAME keeps and
 * no later mailbox reuses (§4); EMAILID, "M" and the stored content's id enciphered ({@link EmailIds}), which
 * every copy and move of a message shares (§5.1: the same bytes, so the same EMAILID, also for an identical
 * message appended again).
 * The prefixes keep the two kinds apart (§5.2). THREADID is not computed: NIL (§5.2).
 */
public final class ObjectId {

    /** RFC 8474 §7: objectid = 1*255(ALPHA / DIGIT / "_" / "-"). */
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private ObjectId() {
    }

    public static String mailboxId(long mailboxId) {
        return "F" + mailboxId;
    }

    /** Checks the syntax of an objectid the client sent (a SEARCH argument). */
    public static String parse(String text) {
        if (!SYNTAX.matcher(text).matches()) {
            throw new ImapSyntaxException("not an objectid: " + text);
        }
        return text;
    }
}
