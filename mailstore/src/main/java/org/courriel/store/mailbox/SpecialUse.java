package org.courriel.store.mailbox;

/** The special-use attributes of RFC 6154 §2 that Courriel gives mailboxes. */
public enum SpecialUse {
    ALL("\\All"),
    ARCHIVE("\\Archive"),
    DRAFTS("\\Drafts"),
    FLAGGED("\\Flagged"),
    JUNK("\\Junk"),
    SENT("\\Sent"),
    TRASH("\\Trash");

    private final String attribute;

    SpecialUse(String attribute) {
        this.attribute = attribute;
    }

    /** The attribute as LIST returns it, e.g. {@code \Sent}. */
    public String attribute() {
        return attribute;
    }

    public static SpecialUse fromAttribute(String attribute) {
        for (SpecialUse u : values()) {
            if (u.attribute.equalsIgnoreCase(attribute)) {
                return u;
            }
        }
        return null;
    }
}
