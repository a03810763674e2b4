package org.courriel.mta.spam.training;

/**
 * What rspamd's controller answered to one {@code /learnspam} or {@code /learnham}.
 *
 * @param kind   learned, known already, or failed
 * @param detail the HTTP status and rspamd's error text, or why it could not be asked
 */
record LearnOutcome(Kind kind, String detail) {

    enum Kind {
        /** 200: the classifier took the message. */
        LEARNED,
        /** 208: rspamd learned this message as this class before, which is success too. */
        ALREADY_LEARNED,
        /** Anything else: not reachable, too slow, another status; tried again later. */
        FAILED
    }

    /** rspamd's controller answers 200, 208 when the message was already learned as that class, an error else. */
    static LearnOutcome of(int status, String body) {
        return switch (status) {
            case 200 -> new LearnOutcome(Kind.LEARNED, "");
            case 208 -> new LearnOutcome(Kind.ALREADY_LEARNED, body);
            default -> new LearnOutcome(Kind.FAILED, "rspamd answered HTTP " + status + (body.isBlank() ? "" : ": " + body));
        };
    }

    static LearnOutcome failed(String why) {
        return new LearnOutcome(Kind.FAILED, why);
    }
}
