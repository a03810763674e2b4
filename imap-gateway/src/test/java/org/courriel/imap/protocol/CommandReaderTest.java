package org.courriel.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.courriel.access.net.MemoryBudget;
import org.junit.jupiter.api.Test;

class CommandReaderTest {

    private final AtomicInteger continuations = new AtomicInteger();

    private CommandReader.Frame read(String input, int maxLine, long maxLiteral) throws IOException {
        CommandReader reader = new CommandReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                maxLine, maxLiteral);
        return reader.read(continuations::incrementAndGet);
    }

    private static String text(CommandReader.Frame frame) {
        return new String(((CommandReader.Command) frame).bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void plainLineIsOneCommandWithoutCrlf() throws IOException {
        assertThat(text(read("a1 NOOP\r\n", 100, 100))).isEqualTo("a1 NOOP");
        assertThat(continuations).hasValue(0);
    }

    @Test
    void synchronizingLiteralAsksForContinuationAndJoinsTheRest() throws IOException {
        String command = text(read("a1 LOGIN {3}\r\nbob {4}\r\npass\r\n", 100, 100));
        assertThat(command).isEqualTo("a1 LOGIN {3}\r\nbob {4}\r\npass");
        assertThat(continuations).hasValue(2);
    }

    @Test
    void nonSynchronizingLiteralNeedsNoContinuation() throws IOException {
        assertThat(text(read("a1 LOGIN {3+}\r\nbob pw\r\n", 100, 100))).isEqualTo("a1 LOGIN {3+}\r\nbob pw");
        assertThat(continuations).hasValue(0);
    }

    @Test
    void literalMayContainCrlfAndBracesAsData() throws IOException {
        assertThat(text(read("a APPEND x {7}\r\n{2}\r\n\r\n\r\n", 100, 100))).isEqualTo("a APPEND x {7}\r\n{2}\r\n\r\n");
    }

    @Test
    void tooLongLineIsReportedWithItsTagAndSkipped() throws IOException {
        CommandReader reader = new CommandReader(new ByteArrayInputStream(
                ("a9 " + "x".repeat(500) + "\r\na10 NOOP\r\n").getBytes(StandardCharsets.US_ASCII)), 100, 100);
        assertThat(reader.read(() -> { })).isEqualTo(new CommandReader.LineTooLong("a9"));
        assertThat(text(reader.read(() -> { }))).isEqualTo("a10 NOOP");
    }

    @Test
    void tooBigLiteralIsRefusedBeforeItIsSent() throws IOException {
        assertThat(read("a2 APPEND INBOX {5000}\r\n", 100, 1000)).isEqualTo(new CommandReader.LiteralTooBig("a2", true));
        assertThat(read("a3 APPEND INBOX {5000+}\r\n", 100, 1000)).isEqualTo(new CommandReader.LiteralTooBig("a3", false));
        assertThat(continuations).hasValue(0);
    }

    @Test
    void manyLiteralsCannotAddUpPastTheBound() throws IOException {
        String literal = "{60}\r\n" + "x".repeat(60);
        String command = "a1 X " + (literal + " ").repeat(5) + "{60}\r\n";
        assertThat(read(command, 100, 200)).isEqualTo(new CommandReader.LiteralTooBig("a1", true));
    }

    @Test
    void endOfStreamInsideLiteralEndsTheSession() throws IOException {
        assertThat(read("a1 LOGIN {10}\r\nabc", 100, 100)).isEqualTo(new CommandReader.EndOfStream());
        assertThat(read("", 100, 100)).isEqualTo(new CommandReader.EndOfStream());
    }

    @Test
    void boundsCanGrowAfterLoginAndApplyToTheNextCommand() throws IOException {
        String input = "a1 LOGIN {20}\r\na2 LOGIN {20}\r\n" + "x".repeat(20) + "\r\n";
        CommandReader reader = new CommandReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.US_ASCII)),
                100, 10);
        assertThat(reader.read(continuations::incrementAndGet)).isEqualTo(new CommandReader.LiteralTooBig("a1", true));
        reader.limits(100, 1000);
        assertThat(reader.read(continuations::incrementAndGet)).isInstanceOf(CommandReader.Command.class);
        assertThat(continuations).hasValue(1);
    }

    @Test
    void literalsTheBudgetCannotAdmitAreNotReadAndReservationsAreGivenBack() throws IOException {
        long[] held = {0};
        CommandReader.Budget budget = new CommandReader.Budget() {
            @Override
            public boolean reserve(long bytes) {
                if (held[0] + bytes > 10) {
                    return false;
                }
                held[0] += bytes;
                return true;
            }

            @Override
            public void release(long bytes) {
                held[0] -= bytes;
            }
        };
        String input = "a1 X {4}\r\nabcd {4}\r\nefgh\r\na2 X {4+}\r\nabcd {8+}\r\n";
        CommandReader reader = new CommandReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.US_ASCII)),
                100, 100, budget);
        assertThat(reader.read(continuations::incrementAndGet)).isInstanceOf(CommandReader.Command.class);
        assertThat(held[0]).isEqualTo(8);
        reader.releaseLiterals();
        assertThat(held[0]).isZero();
        assertThat(reader.read(continuations::incrementAndGet))
                .isEqualTo(new CommandReader.LiteralUnavailable("a2", false));
        assertThat(held[0]).isEqualTo(4);
        reader.releaseLiterals();
        assertThat(held[0]).isZero();
        assertThat(continuations).hasValue(2);
    }

    @Test
    void manySmallLiteralsGiveBackExactlyWhatTheyTookFromABudgetThatRoundsToKiB() throws IOException {
        // MemoryBudget rounds each reservation up to a KiB; giving the sum back at once would round once and keep
        // the rest for ever, and a client could drain the node's budget with one-byte literals before login.
        MemoryBudget budget = new MemoryBudget(1024 * 1024, Duration.ZERO);
        String input = "a1 LOGIN {1+}\r\nx {1+}\r\ny\r\n".repeat(100);
        CommandReader reader = new CommandReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.US_ASCII)),
                100, 100, new CommandReader.Budget() {
                    @Override
                    public boolean reserve(long bytes) {
                        return budget.reserve(bytes);
                    }

                    @Override
                    public void release(long bytes) {
                        budget.release(bytes);
                    }
                });
        for (int i = 0; i < 100; i++) {
            assertThat(reader.read(continuations::incrementAndGet)).isInstanceOf(CommandReader.Command.class);
            assertThat(budget.inFlight()).isEqualTo(2048);
            reader.releaseLiterals();
            assertThat(budget.inFlight()).isZero();
        }
    }
}
