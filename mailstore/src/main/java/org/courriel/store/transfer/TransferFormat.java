package org.courriel.store.transfer;

import java.util.Locale;

import org.courriel.store.StoreException;

/** The file formats an account is exported to and imported from. */
public enum TransferFormat {
    /** Maildir++: one directory per folder, one file per message. */
    MAILDIR,
    /** mboxrd: one file per folder, messages after {@code From } lines. */
    MBOX;

    /** The format of that name ({@code maildir}, {@code mbox}), else a refusal naming both. */
    public static TransferFormat of(String name) {
        for (TransferFormat f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw StoreException.invalid("unknown format " + name + ": use maildir or mbox");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
