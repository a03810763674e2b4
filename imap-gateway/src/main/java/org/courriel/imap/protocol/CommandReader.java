package org.courriel.imap.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames commands (RFC 9051 §2.2.1): a command is a line that may end in a literal announcement
 * {@code {n}} (synchronizing: the server sends a continuation first), {@code {n+}} (RFC 7888 LITERAL+) or
 * {@code ~{n}} (RFC 3516 literal8), followed by n bytes and the rest of the command. Every line and
 * literal is bounded, and a whole command is at most one literal's bound plus one line's; an oversized part
 * is reported, never buffered. The bounds can change as the session goes (smaller before login), and every
 * literal is admitted by a {@link Budget} shared by all sessions before a byte of it is read.
 */
public final class CommandReader {

    /** What the reader found. */
    public sealed interface Frame {
    }

    /** A whole command: its lines, CRLFs and literals, without the final CRLF. */
    public record Command(byte[] bytes) implements Frame {
    }

    /** A line longer than the limit; the rest of it was discarded. {@code tag} is the tag if one was seen. */
    public record LineTooLong(String tag) implements Frame {
    }

    /**
     * A literal larger than the limit. A synchronizing one was not read (the client waits for our answer);
     * a non-synchronizing one cannot be skipped cheaply, so the connection must end.
     */
    public record LiteralTooBig(String tag, boolean synchronizing) implements Frame {
    }

    /**
     * A literal within the bounds that the {@link Budget} could not admit now (too many bytes in flight across
     * the server). Like {@link LiteralTooBig}, a synchronizing one was not read, a non-synchronizing one ends
     * the connection.
     */
    public record LiteralUnavailable(String tag, boolean synchronizing) implements Frame {
    }

    /** The client closed the connection. */
    public record EndOfStream() implements Frame {
    }

    /** Sends the continuation a synchronizing literal needs (RFC 9051 §7.5). */
    @FunctionalInterface
    public interface Continuation {
        void send() throws IOException;
    }

    /** Admits literals: bytes reserved before a literal is read, released once its command is done. */
    public interface Budget {
        /** Reserves {@code bytes}, waiting a little at most; false when they cannot be had. */
        boolean reserve(long bytes);

        void release(long bytes);

        /** Admits everything (tests of framing alone). */
        Budget UNBOUNDED = new Budget() {
            @Override
            public boolean reserve(long bytes) {
                return true;
            }

            @Override
            public void release(long bytes) {
            }
        };
    }

    private final InputStream in;
    private final Budget budget;
    private int maxLine;
    private long maxLiteral;
    /** Each literal's reservation, given back one by one: a budget may round each (MemoryBudget counts KiB). */
    private final List<Long> reserved = new ArrayList<>();

    public CommandReader(InputStream in, int maxLine, long maxLiteral) {
        this(in, maxLine, maxLiteral, Budget.UNBOUNDED);
    }

    public CommandReader(InputStream in, int maxLine, long maxLiteral, Budget budget) {
        this.in = in;
        this.budget = budget;
        limits(maxLine, maxLiteral);
    }

    /** New bounds for the commands still to come (after login, RFC 9051 §6.2: larger than before). */
    public void limits(int maxLine, long maxLiteral) {
        this.maxLine = maxLine;
        this.maxLiteral = maxLiteral;
    }

    /** The longest line now accepted. */
    public int maxLine() {
        return maxLine;
    }

    /** Gives back what the literals of the last command reserved: call once that command is done with. */
    public void releaseLiterals() {
        for (long bytes : reserved) {
            budget.release(bytes);
        }
        reserved.clear();
    }

    public Frame read(Continuation continuation) throws IOException {
        // The parts are kept apart and joined once at the end: a literal is read straight into its own array,
        // so the command costs about twice its literals at the peak, not the four times of a growing buffer.
        List<byte[]> parts = new ArrayList<>();
        long size = 0;
        while (true) {
            byte[] line = readLine();
            if (line == null) {
                return new EndOfStream();
            }
            if (line.length > maxLine) {
                return new LineTooLong(tagOf(parts.isEmpty() ? line : parts.getFirst()));
            }
            parts.add(line);
            size += line.length;
            Literal literal = literalAtEnd(line);
            if (literal == null) {
                return new Command(join(parts, size));
            }
            // each literal is bounded, and so is the whole command (many literals must not add up past the bound)
            if (literal.size > maxLiteral || size + literal.size > maxLiteral + maxLine) {
                return new LiteralTooBig(tagOf(parts.getFirst()), !literal.nonSync);
            }
            if (!budget.reserve(literal.size)) {
                return new LiteralUnavailable(tagOf(parts.getFirst()), !literal.nonSync);
            }
            reserved.add(literal.size);
            if (!literal.nonSync) {
                continuation.send();
            }
            byte[] bytes = new byte[(int) literal.size];
            if (in.readNBytes(bytes, 0, bytes.length) < bytes.length) {
                return new EndOfStream();
            }
            parts.add(CRLF);
            parts.add(bytes);
            size += CRLF.length + bytes.length;
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private static byte[] join(List<byte[]> parts, long size) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        byte[] all = new byte[Math.toIntExact(size)];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** One line without its CRLF (a bare LF is accepted too); longer than the limit gives a marker of that length + 1. */
    public byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        boolean tooLong = false;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return line.size() == 0 && !tooLong ? null : finish(line, tooLong);
            }
            if (c == '\n') {
                return finish(line, tooLong);
            }
            if (line.size() <= maxLine) {
                line.write(c);
            } else {
                tooLong = true;
            }
        }
    }

    private byte[] finish(ByteArrayOutputStream line, boolean tooLong) {
        byte[] bytes = line.toByteArray();
        if (tooLong) {
            return bytes; // longer than maxLine: the caller reports it
        }
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') {
            return java.util.Arrays.copyOf(bytes, n - 1);
        }
        return bytes;
    }

    private record Literal(long size, boolean nonSync) {
    }

    /** The literal announced at the end of a line, if any. */
    static Literal literalAtEnd(byte[] line) {
        int n = line.length;
        if (n < 3 || line[n - 1] != '}') {
            return null;
        }
        int i = n - 2;
        boolean nonSync = false;
        if (line[i] == '+') {
            nonSync = true;
            i--;
        }
        int end = i;
        while (i >= 0 && line[i] >= '0' && line[i] <= '9') {
            i--;
        }
        if (i < 0 || line[i] != '{' || i == end || end - i > 11) {
            return null;
        }
        long size = Long.parseLong(new String(line, i + 1, end - i, StandardCharsets.US_ASCII));
        return new Literal(size, nonSync);
    }

    static String tagOf(byte[] line) {
        int i = 0;
        while (i < line.length && i < 64 && CommandParser.atomChar(line[i] & 0xff) && line[i] != '+') {
            i++;
        }
        return i == 0 || i >= line.length || line[i] != ' ' ? null : new String(line, 0, i, StandardCharsets.US_ASCII);
    }
}
