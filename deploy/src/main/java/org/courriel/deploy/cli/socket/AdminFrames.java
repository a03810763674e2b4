package org.courriel.deploy.cli.socket;

/**
 * The admin socket's protocol, over {@link java.io.DataOutputStream}. The client sends {@link #MAGIC}, the
 * number of arguments and each as {@code writeUTF}. The server answers with frames: {@link #OUT} or
 * {@link #ERR} with a length and bytes, {@link #STDIN} to ask for one line of the client's standard input
 * (answered with {@link #LINE} and {@code writeUTF}, or {@link #EOF}), and {@link #EXIT} with the exit code, last.
 */
final class AdminFrames {

    /** "CRA1": Courriel admin, version 1. */
    static final int MAGIC = 0x43524131;

    static final int OUT = 'O';
    static final int ERR = 'E';
    static final int STDIN = 'I';
    static final int EXIT = 'X';

    static final int LINE = 'L';
    static final int EOF = 'Z';

    private AdminFrames() {
    }
}
