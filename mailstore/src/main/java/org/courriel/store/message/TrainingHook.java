package org.courriel.store.message;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.courriel.store.training.TrainingOutbox;
import org.courriel.store.training.TrainingVerdict;
import org.springframework.stereotype.Component;

/**
 * Where {@link MessageService}'s writes meet the spam training outbox: each method runs inside the write's
 * group-commit unit, passes the write's result through, and costs nothing when learning is off. The rules are
 * {@link TrainingOutbox}'s (org.courriel.store.training's package documentation).
 */
@Component
class TrainingHook {

    private final TrainingOutbox outbox;

    TrainingHook(TrainingOutbox outbox) {
        this.outbox = outbox;
    }

    AppendResult appended(Flags flags, AppendResult result) {
        if (outbox.enabled()) {
            TrainingVerdict verdict = outbox.verdictOfAppend(result.mailboxId(), flags.keywords());
            if (verdict != null) {
                outbox.record(result.mailboxId(), List.of(result.uid()), verdict);
            }
        }
        return result;
    }

    CopyResult copied(long sourceMailboxId, long destinationMailboxId, CopyResult result) {
        if (outbox.enabled() && !result.isEmpty()) {
            TrainingVerdict verdict = outbox.verdictOfCopy(sourceMailboxId, destinationMailboxId);
            if (verdict != null) {
                outbox.record(destinationMailboxId, result.destinationUids(), verdict);
            }
        }
        return result;
    }

    /** A STORE that adds {@code $Junk} or {@code $NotJunk} teaches once per message that did not have it yet. */
    FlagUpdate storingFlags(long mailboxId, UidSet uids, FlagChange change, Supplier<FlagUpdate> store) {
        TrainingVerdict verdict = !outbox.enabled() || change.mode() == FlagChange.Mode.REMOVE || uids.isEmpty() ? null
                : TrainingOutbox.verdictOfKeywords(change.flags().keywords());
        if (verdict == null) {
            return store.get();
        }
        String keyword = TrainingOutbox.keyword(verdict);
        Set<Long> lacking = outbox.lacking(mailboxId, uids.min(), uids.max(), keyword);
        FlagUpdate update = store.get();
        List<Long> added = update.changed().stream()
                .filter(m -> lacking.contains(m.uid()) && m.flags().hasKeyword(keyword))
                .map(FlagUpdate.MessageFlags::uid).toList();
        outbox.record(mailboxId, added, verdict);
        return update;
    }
}
