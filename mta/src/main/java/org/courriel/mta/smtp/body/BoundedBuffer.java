package org.courriel.mta.smtp.body;

import java.io.ByteArrayOutputStream;

/** Collects content up to a limit, then only counts: a too-big message never grows memory past the limit. */
final class BoundedBuffer {

    private final long limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    private long size;

    BoundedBuffer(long limit) {
        this.limit = limit;
    }

    void write(int b) {
        size++;
        if (size <= limit) {
            bytes.write(b);
        }
    }

    void write(byte[] b, int off, int len) {
        long room = Math.max(0, limit - size);
        size += len;
        if (room > 0) {
            bytes.write(b, off, (int) Math.min(room, len));
        }
    }

    long size() {
        return size;
    }

    boolean tooBig() {
        return size > limit;
    }

    byte[] content() {
        return tooBig() ? new byte[0] : bytes.toByteArray();
    }
}
