package org.courriel.mta.smtp.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.courriel.access.net.MemoryBudget;
import org.junit.jupiter.api.Test;

/** The DATA and BDAT buffer: what it keeps, what it counts, and what it asks of the content budget. */
class BoundedBufferTest {

    /** Bytes 0, 1, 2, ... written one at a time and in slices, past the first array's 8 KiB several times. */
    private static byte[] fill(BoundedBuffer buffer, int length) {
        byte[] expected = new byte[length];
        for (int i = 0; i < length; i++) {
            expected[i] = (byte) (i * 31);
        }
        int i = 0;
        while (i < length) {
            if (i % 3 == 0) {
                buffer.write(expected[i++]);
            } else {
                int slice = Math.min(length - i, 1000);
                buffer.write(expected, i, slice);
                i += slice;
            }
        }
        return expected;
    }

    @Test
    void keepsEveryByteInOrderAcrossGrowth() {
        BoundedBuffer buffer = new BoundedBuffer(1_000_000, null);
        byte[] expected = fill(buffer, 100_000);
        assertThat(buffer.content()).isEqualTo(expected);
        assertThat(buffer.size()).isEqualTo(100_000);
        assertThat(buffer.tooBig()).isFalse();
        assertThat(buffer.overBudget()).isFalse();
    }

    @Test
    void keepsAtMostTheLimitAndCountsTheRest() {
        BoundedBuffer atLimit = new BoundedBuffer(20_000, null);
        byte[] expected = fill(atLimit, 20_000);
        assertThat(atLimit.content()).isEqualTo(expected);

        BoundedBuffer past = new BoundedBuffer(20_000, null);
        fill(past, 20_001);
        assertThat(past.tooBig()).isTrue();
        assertThat(past.size()).isEqualTo(20_001);
        assertThat(past.content()).isEmpty();
    }

    @Test
    void leasesAboutWhatItKeepsNotWhatItsArrayHolds() {
        MemoryBudget budget = new MemoryBudget(10_000_000, Duration.ZERO);
        try (MemoryBudget.Lease lease = budget.lease()) {
            BoundedBuffer buffer = new BoundedBuffer(10_000_000, lease);
            byte[] expected = fill(buffer, 300_000);
            assertThat(buffer.content()).isEqualTo(expected);
            // the lease grows in steps of 64 KiB past what is kept, not to the doubled array (524,288 bytes)
            assertThat(lease.reserved()).isBetween(300_000L, 300_000L + 64 * 1024);
        }
        assertThat(budget.inFlight()).isZero();
    }

    @Test
    void aBudgetWithoutRoomDropsWhatWasKeptAndOnlyCounts() {
        MemoryBudget budget = new MemoryBudget(100_000, Duration.ZERO);
        try (MemoryBudget.Lease lease = budget.lease()) {
            BoundedBuffer buffer = new BoundedBuffer(1_000_000, lease);
            fill(buffer, 150_000);
            assertThat(buffer.overBudget()).isTrue();
            assertThat(buffer.tooBig()).isFalse();
            assertThat(buffer.size()).isEqualTo(150_000);
            assertThat(buffer.content()).isEmpty();
            assertThat(lease.reserved()).isLessThanOrEqualTo(100_000);
        }
        assertThat(budget.inFlight()).isZero();
    }
}
