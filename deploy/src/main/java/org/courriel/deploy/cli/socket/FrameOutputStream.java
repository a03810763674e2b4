package org.courriel.deploy.cli.socket;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Standard output or error of a command the server carries out: each write one frame to the client. */
final class FrameOutputStream extends OutputStream {

    private final DataOutputStream frames;
    private final int type;

    FrameOutputStream(DataOutputStream frames, int type) {
        this.frames = frames;
        this.type = type;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        synchronized (frames) {
            frames.writeByte(type);
            frames.writeInt(len);
            frames.write(b, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (frames) {
            frames.flush();
        }
    }
}
