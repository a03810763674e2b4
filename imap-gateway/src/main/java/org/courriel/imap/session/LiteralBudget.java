package org.courriel.imap.session;

import java.time.Duration;

import org.courriel.access.net.MemoryBudget;
import org.courriel.imap.config.ImapProperties;
import org.courriel.imap.protocol.CommandReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The literal bytes all IMAP sessions of this node (both listeners) may hold at once. A literal is admitted
 * before its first byte is read, so that many clients announcing large APPENDs at the same moment cannot
 * run the heap out; a session waits at most {@code courriel.imap.literal-budget-wait} for room, then its
 * literal is refused (NO [UNAVAILABLE] when synchronizing).
 */
@Component
public class LiteralBudget extends MemoryBudget implements CommandReader.Budget {

    @Autowired
    public LiteralBudget(ImapProperties properties) {
        this(properties.literalBudget(), properties.literalBudgetWait());
    }

    LiteralBudget(long bytes, Duration wait) {
        super(bytes, wait);
    }
}
