package org.courriel.store.mailbox;

/**
 * The namespaces of RFC 2342: the personal one ("", an account's own mailboxes), "Other Users" (mailboxes other
 * accounts granted this one rights on, as {@code Other Users/bob/Projects}; the user is the local part when the
 * owner is of the viewer's domain, the whole address otherwise) and "Shared Folders" (the mailboxes of a domain's
 * shared addresses: {@code Shared Folders/info} is the INBOX of info@, {@code Shared Folders/info/Orders} its
 * {@code INBOX/Orders}). All use '/' as the hierarchy delimiter.
 */
public final class Namespaces {

    public static final String OTHER_USERS = "Other Users";
    public static final String SHARED_FOLDERS = "Shared Folders";

    private Namespaces() {
    }

    /** Whether the name is a namespace root or inside one other than the personal namespace. */
    public static boolean isForeign(String name) {
        return within(name, OTHER_USERS) || within(name, SHARED_FOLDERS);
    }

    static boolean within(String name, String root) {
        return name.equals(root) || name.startsWith(root + MailboxName.DELIMITER);
    }
}
