package org.courriel.deploy.migrate;

import java.util.Locale;
import java.util.Map;

import org.courriel.store.mailbox.MailboxName;
import org.courriel.store.mailbox.SpecialUse;

/**
 * Where a folder of the old server goes: its name with the old hierarchy delimiter replaced by Courriel's
 * {@code /}, INBOX kept as INBOX, and a special-use folder (RFC 6154 §2 attribute, or failing that one of the
 * names clients commonly give it at the top level) into Courriel's mailbox of that use.
 */
public final class FolderMapping {

    /** Common names of special-use folders on servers that do not announce RFC 6154 attributes. */
    private static final Map<String, SpecialUse> KNOWN_NAMES = Map.ofEntries(
            Map.entry("sent", SpecialUse.SENT), Map.entry("sent items", SpecialUse.SENT),
            Map.entry("sent messages", SpecialUse.SENT), Map.entry("sent mail", SpecialUse.SENT),
            Map.entry("drafts", SpecialUse.DRAFTS), Map.entry("trash", SpecialUse.TRASH),
            Map.entry("deleted items", SpecialUse.TRASH), Map.entry("deleted messages", SpecialUse.TRASH),
            Map.entry("junk", SpecialUse.JUNK), Map.entry("spam", SpecialUse.JUNK),
            Map.entry("junk e-mail", SpecialUse.JUNK), Map.entry("archive", SpecialUse.ARCHIVE),
            Map.entry("archives", SpecialUse.ARCHIVE));

    /** Only these uses are mapped onto Courriel's mailboxes; \All and \Flagged are views, not folders. */
    private static final java.util.Set<SpecialUse> MAPPED = java.util.EnumSet.of(SpecialUse.SENT,
            SpecialUse.DRAFTS, SpecialUse.TRASH, SpecialUse.JUNK, SpecialUse.ARCHIVE);

    /**
     * A target: a special use, to find Courriel's mailbox of that use, else the mailbox name.
     *
     * @param name       the mailbox name in Courriel's hierarchy
     * @param specialUse the use to look up first, or null
     */
    public record Target(String name, SpecialUse specialUse) {
    }

    private FolderMapping() {
    }

    /**
     * @param name       the folder's full name on the old server
     * @param delimiter  its hierarchy delimiter, or 0 for a flat namespace
     * @param attributes its LIST attributes (RFC 9051 §7.3.1)
     */
    public static Target map(String name, char delimiter, String[] attributes) {
        String translated = translate(name, delimiter);
        if (MailboxName.INBOX.equalsIgnoreCase(translated)) {
            return new Target(MailboxName.INBOX, null);
        }
        for (String attribute : attributes) {
            SpecialUse use = SpecialUse.fromAttribute(attribute);
            if (use != null && MAPPED.contains(use)) {
                return new Target(translated, use);
            }
        }
        boolean topLevel = translated.indexOf(MailboxName.DELIMITER) < 0;
        SpecialUse byName = topLevel ? KNOWN_NAMES.get(translated.toLowerCase(Locale.ROOT)) : null;
        return new Target(translated, byName);
    }

    /**
     * The name with {@code delimiter} replaced by {@code /}; a {@code /} that was part of a name on the old
     * server cannot stay one, so it becomes {@code _}.
     */
    static String translate(String name, char delimiter) {
        if (delimiter == 0 || delimiter == MailboxName.DELIMITER) {
            return name;
        }
        return name.replace(MailboxName.DELIMITER, '_').replace(delimiter, MailboxName.DELIMITER);
    }
}
