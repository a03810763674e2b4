package org.courriel.store.sort;

import java.util.List;
import java.util.function.Function;

/** The threading algorithms of RFC 5256 §3 (THREAD=ORDEREDSUBJECT, THREAD=REFERENCES). */
public enum ThreadAlgorithm {
    ORDEREDSUBJECT(MessageThreader::orderedSubject),
    REFERENCES(MessageThreader::references);

    private final Function<List<ThreadMessage>, List<ThreadNode>> threader;

    ThreadAlgorithm(Function<List<ThreadMessage>, List<ThreadNode>> threader) {
        this.threader = threader;
    }

    /** The threads of messages given in mailbox order. */
    public List<ThreadNode> thread(List<ThreadMessage> messages) {
        return threader.apply(messages);
    }
}
