package org.courriel.store.account;

import java.util.List;

/**
 * What an envelope recipient resolves to.
 */
public sealed interface Recipient {

    /** The domain is not one of ours: only an authenticated client may relay to it. */
    record Remote(String address) implements Recipient {
    }

    /** A local domain but no such account or alias (SMTP 550 5.1.1). */
    record Unknown(String address) implements Recipient {
    }

    /**
     * A local address: the accounts whose INBOX receives the message (aliases expanded), and the external
     * addresses aliases forward to.
     */
    record Local(String address, List<AccountInfo> accounts, List<String> forwards) implements Recipient {
    }
}
