package org.courriel.imap.session;

import java.util.Collection;
import java.util.Set;

/**
 * A search or sort context the client asked to keep up to date with RETURN (UPDATE) (RFC 5267 §4.3): it says
 * how its result changes in untagged ESEARCH responses carrying ADDTO and REMOVEFROM.
 */
public interface UpdatingContext {

    /** The tag of the searching command: the correlator of its updates and CANCELUPDATE's argument. */
    String tag();

    /**
     * RFC 5267 §4.3.4: messages about to be announced as expunged leave the result now, while their sequence
     * numbers are still valid, so the REMOVEFROM precedes the EXPUNGE.
     */
    void expunging(ImapSession session, Collection<Long> uids);

    /**
     * After the client heard of new messages (RFC 5267 §4.3.3: ADDTO after EXISTS) and of flag changes: the
     * search is evaluated again for the messages that changed and the difference sent.
     *
     * @param changed the UIDs added or whose flags changed; null when not known (after dropped events), then
     *                the whole mailbox is searched again
     */
    void refresh(ImapSession session, Set<Long> changed);
}
