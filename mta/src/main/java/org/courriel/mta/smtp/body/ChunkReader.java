package org.courriel.mta.smtp.body;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import org.courriel.access.net.MemoryBudget;

/**
 * Reads the chunks of BDAT (RFC 3030 §2): exactly the announced number of octets, with no transparency
 * and no end marker. Chunks of one message accumulate here; past the limit they are still read (the client
 * sends them regardless, RFC 3030 §4.2) but dropped.
 */
public final class ChunkReader {

    private static final int BLOCK = 8192;

    private final BoundedBuffer buffer;

    public ChunkReader(long limit) {
        this(limit, null);
    }

    /** @param lease the content budget the chunks kept must fit first, or null for none */
    public ChunkReader(long limit, MemoryBudget.Lease lease) {
        this.buffer = new BoundedBuffer(limit, lease);
    }

    /** Reads one chunk of {@code size} octets. */
    public void readChunk(InputStream in, long size) throws IOException {
        byte[] block = new byte[BLOCK];
        long left = size;
        while (left > 0) {
            int n = in.read(block, 0, (int) Math.min(BLOCK, left));
            if (n < 0) {
                throw new EOFException("connection closed inside a BDAT chunk");
            }
            buffer.write(block, 0, n);
            left -= n;
        }
    }

    public long size() {
        return buffer.size();
    }

    public boolean tooBig() {
        return buffer.tooBig();
    }

    /** The node's content budget had no room for the chunks (a temporary refusal, 452 4.3.1). */
    public boolean overBudget() {
        return buffer.overBudget();
    }

    /** The message: the chunks in order (RFC 3030 §2: no line-ending rules apply to BDAT). */
    public MessageBody body() {
        return new MessageBody(buffer.content(), buffer.size(), buffer.tooBig(), false, buffer.overBudget());
    }
}
