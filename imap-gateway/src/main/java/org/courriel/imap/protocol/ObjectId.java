package org.courriel.imap.protocol;

import java.util.regex.Pattern;

/**
 * The object identifiers of OBJECTID (RFC 8474): MAILBOXID, "F" and the mailbox row's id, which RENAME keeps and
 * no later mailbox reuses (§4); EMAILID, "M" and the id of the stored content, which every copy and move of a
 * message shares (§5.1: the same bytes, so the same EMAILID, also for an identical message appended again).
 * The prefixes keep the two kinds apart (§5.2). THREADID is not computed: NIL (§5.2).
 */
public final class ObjectId {

    /** RFC 8474 §7: objectid = 1*255(ALPHA / DIGIT / "_" / "-"). */
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private static final Pattern EMAIL = Pattern.compile("M[1-9][0-9]{0,17}");

    private ObjectId() {
    }

    public static String mailboxId(long mailboxId) {
        return "F" + mailboxId;
    }

    public static String emailId(long contentId) {
        return "M" + contentId;
    }

    /** Checks the syntax of an objectid the client sent (a SEARCH argument). */
    public static String parse(String text) {
        if (!SYNTAX.matcher(text).matches()) {
            throw new ImapSyntaxException("not an objectid: " + text);
        }
        return text;
    }

    /** The content id an EMAILID names, or -1 for one this server never gave out (it matches nothing). */
    public static long contentOf(String emailId) {
        // ObjectIDs are case-sensitive (RFC 8474 §7)
        return EMAIL.matcher(emailId).matches() ? Long.parseLong(emailId.substring(1)) : -1;
    }
}
