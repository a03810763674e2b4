package org.courriel.imap.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LiteralBudgetTest {

    @Test
    void reservesUpToTheBudgetAndGivesBack() {
        LiteralBudget budget = new LiteralBudget(64 * 1024, Duration.ZERO);
        assertThat(budget.reserve(40_000)).isTrue();
        assertThat(budget.reserve(40_000)).isFalse();
        assertThat(budget.reserve(20_000)).isTrue();
        assertThat(budget.inFlight()).isEqualTo(60 * 1024);
        budget.release(40_000);
        budget.release(20_000);
        assertThat(budget.inFlight()).isZero();
        assertThat(budget.reserve(64 * 1024)).isTrue();
        assertThat(budget.reserve(0)).isTrue();
        assertThat(budget.reserve(1)).isFalse();
    }

    @Test
    void aLiteralLargerThanTheWholeBudgetIsRefusedAtOnce() {
        LiteralBudget budget = new LiteralBudget(64 * 1024, Duration.ofMinutes(5));
        assertThat(budget.reserve(65 * 1024)).isFalse();
        assertThat(budget.reserve(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void aReservationWaitsForRoomUpToTheWait() throws Exception {
        LiteralBudget budget = new LiteralBudget(64 * 1024, Duration.ofSeconds(30));
        assertThat(budget.reserve(64 * 1024)).isTrue();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> budget.reserve(10_000));
        assertThat(waiting).isNotDone();
        budget.release(64 * 1024);
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(budget.inFlight()).isEqualTo(10 * 1024);
    }
}
