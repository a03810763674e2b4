package org.courriel.store.acl;

/** The standard rights of RFC 4314 §2.1, each a letter an ACL entry may hold. */
public enum Right {
    /** l: the mailbox is visible to LIST and LSUB, SUBSCRIBE. */
    LOOKUP('l'),
    /** r: SELECT, EXAMINE, STATUS, FETCH. */
    READ('r'),
    /** s: set or clear \Seen. */
    KEEP_SEEN('s'),
    /** w: set or clear flags other than \Seen and \Deleted. */
    WRITE('w'),
    /** i: APPEND, COPY and MOVE into the mailbox. */
    INSERT('i'),
    /** p: send mail to the mailbox's address; not enforced by IMAP (RFC 4314 §2.1). */
    POST('p'),
    /** k: CREATE inferior mailboxes, the new parent in RENAME. */
    CREATE_MAILBOX('k'),
    /** x: DELETE the mailbox, the old name in RENAME. */
    DELETE_MAILBOX('x'),
    /** t: set or clear \Deleted. */
    DELETE_MESSAGES('t'),
    /** e: EXPUNGE, and expunge as part of CLOSE. */
    EXPUNGE('e'),
    /** a: SETACL, DELETEACL, GETACL, LISTRIGHTS. */
    ADMINISTER('a');

    private final char letter;

    Right(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    /** The right of that letter, or null for a letter that is no standard right (the virtual c and d included). */
    public static Right of(char letter) {
        for (Right r : values()) {
            if (r.letter == letter) {
                return r;
            }
        }
        return null;
    }
}
