package org.courriel.store.transfer;

import org.courriel.store.mailbox.MailboxName;

/**
 * Folder names of Maildir++: INBOX is the root directory, any other folder a directory {@code .A.B} for the
 * mailbox {@code A/B}. A {@code .} or {@code %} inside a name is written {@code %2E} or {@code %25}, so every
 * name comes back as it was. Pure.
 */
public final class MaildirFolders {

    private MaildirFolders() {
    }

    /** The directory of a mailbox, relative to the Maildir root ({@code ""} for INBOX). */
    public static String directory(String mailbox) {
        if (mailbox.equals(MailboxName.INBOX)) {
            return "";
        }
        StringBuilder dir = new StringBuilder();
        for (String part : mailbox.split(String.valueOf(MailboxName.DELIMITER))) {
            dir.append('.').append(part.replace("%", "%25").replace(".", "%2E"));
        }
        return dir.toString();
    }

    /** The mailbox of a directory name {@code .A.B}, or null when the name is not a Maildir++ folder. */
    public static String mailbox(String directory) {
        if (directory.length() < 2 || directory.charAt(0) != '.' || directory.equals("..")) {
            return null;
        }
        String[] parts = directory.substring(1).split("\\.", -1);
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty()) {
                return null;
            }
            if (!name.isEmpty()) {
                name.append(MailboxName.DELIMITER);
            }
            name.append(part.replace("%2E", ".").replace("%25", "%"));
        }
        return name.toString();
    }
}
