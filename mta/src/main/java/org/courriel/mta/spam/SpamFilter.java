package org.courriel.mta.spam;

/** Scores a message before the SMTP reply to its end of data. */
@FunctionalInterface
public interface SpamFilter {

    /** No filter: every message is delivered unscored. */
    SpamFilter NONE = (request, message) -> SpamVerdict.UNSCORED;

    /**
     * Never throws and never takes longer than the filter's timeout: a filter that fails answers
     * {@link SpamVerdict#unavailable(String)}.
     */
    SpamVerdict score(SpamRequest request, byte[] message);
}
