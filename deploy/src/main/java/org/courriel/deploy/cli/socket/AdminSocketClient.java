package org.courriel.deploy.cli.socket;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The command line's end of the admin socket: hands the whole command line to the running server and relays
 * its output, its requests for standard input and its exit code. Loads nothing of Spring, so that a command
 * answers in a fraction of a second.
 */
public final class AdminSocketClient {

    private AdminSocketClient() {
    }

    /**
     * Runs the command in the server listening on {@code socket}.
     *
     * @return its exit code, or empty when no server listens there (run the command on its own)
     */
    public static OptionalInt run(Path socket, String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        if (!Files.exists(socket)) {
            return OptionalInt.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalInt.empty(); // a socket file left by a server that is gone, or not ours to use
        }
        try (channel) {
            DataOutputStream request = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            request.writeInt(AdminFrames.MAGIC);
            request.writeInt(args.length);
            for (String arg : args) {
                request.writeUTF(arg);
            }
            request.flush();
            return OptionalInt.of(relay(new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel))),
                    request, stdin, out, err));
        } catch (IOException e) {
            err.println("courriel: lost the connection to the server at " + socket + " (" + e.getMessage() + ")");
            return OptionalInt.of(3);
        }
    }

    private static int relay(DataInputStream frames, DataOutputStream request, InputStream stdin, PrintStream out,
            PrintStream err) throws IOException {
        BufferedReader input = null;
        while (true) {
            int type;
            try {
                type = frames.readUnsignedByte();
            } catch (EOFException e) {
                throw new IOException("the server closed it before the command finished");
            }
            switch (type) {
                case AdminFrames.OUT, AdminFrames.ERR -> {
                    byte[] bytes = new byte[frames.readInt()];
                    frames.readFully(bytes);
                    PrintStream target = type == AdminFrames.OUT ? out : err;
                    target.write(bytes);
                    target.flush();
                }
                case AdminFrames.STDIN -> {
                    if (input == null) {
                        input = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
                    }
                    String line = input.readLine();
                    if (line == null) {
                        request.writeByte(AdminFrames.EOF);
                    } else {
                        request.writeByte(AdminFrames.LINE);
                        request.writeUTF(line);
                    }
                    request.flush();
                }
                case AdminFrames.EXIT -> {
                    return frames.readInt();
                }
                default -> throw new IOException("unexpected frame " + type + " from the server");
            }
        }
    }
}
