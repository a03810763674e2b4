package org.courriel.deploy.cli.socket;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.courriel.deploy.cli.AdminCli;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.ExitCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The server's end of the admin socket: a Unix domain socket in a directory only the server's user may enter
 * (mode 0700, the socket 0600), so that the file system's permissions are the credential: no password, no
 * token, no TCP port. A peer of another user (root excepted) is refused as well, by its kernel-given
 * credentials. Each command runs on a virtual thread with {@link AdminCli}, as the command line would run it
 * on its own, and is bounded in time and number.
 */
public class AdminSocketServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AdminSocketServer.class);

    private final AdminCli cli;
    private final AdminSocketProperties properties;
    private final Path socket;
    private final Semaphore slots;
    private volatile ServerSocketChannel server;
    private ScheduledExecutorService watchdog;

    public AdminSocketServer(AdminCli cli, AdminSocketProperties properties, Path socket) {
        this.cli = cli;
        this.properties = properties;
        this.socket = socket;
        this.slots = new Semaphore(properties.maxConnections());
    }

    @Override
    public void start() {
        try {
            Path dir = socket.getParent();
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            // A socket file left by a killed server; a live one would hold the same data directory (refused by H2).
            Files.deleteIfExists(socket);
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            server = channel;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // e.g. a path longer than the 108 bytes of sockaddr_un: the command line then works on its own
            log.warn("Admin socket {} not opened ({}); the command line will open the database itself", socket, e.toString());
            return;
        }
        watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("admin-socket-watchdog").daemon().factory());
        Thread.ofPlatform().name("admin-socket").daemon().start(this::accept);
        log.info("Admin socket at {}", socket);
    }

    private void accept() {
        ServerSocketChannel channel = server;
        while (channel != null && channel.isOpen()) {
            try {
                SocketChannel client = channel.accept();
                Thread.ofVirtual().name("admin-command").start(() -> serve(client));
            } catch (IOException e) {
                if (channel.isOpen()) {
                    log.warn("Admin socket accept failed: {}", e.toString());
                }
            }
        }
    }

    private void serve(SocketChannel client) {
        ScheduledFuture<?> deadline = watchdog.schedule(() -> closeQuietly(client), properties.timeout().toMillis(),
                TimeUnit.MILLISECONDS);
        try (client) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
            DataOutputStream frames = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
            String peer = peer(client);
            if (peer == null) {
                finish(frames, ExitCode.UNAVAILABLE, "the admin socket serves the server's own user only");
                return;
            }
            String[] args = readCommand(in);
            if (args == null) {
                finish(frames, ExitCode.USAGE, "not a Courriel admin command (at most "
                        + properties.maxArguments() + " arguments)");
                return;
            }
            if (!slots.tryAcquire()) {
                finish(frames, ExitCode.UNAVAILABLE, "the server is busy with " + properties.maxConnections()
                        + " admin commands; try again");
                return;
            }
            try {
                run(args, peer, in, frames);
            } finally {
                slots.release();
            }
        } catch (IOException | UncheckedIOException e) {
            log.debug("Admin connection ended: {}", e.toString());
        } finally {
            deadline.cancel(false);
        }
    }

    private void run(String[] args, String peer, DataInputStream in, DataOutputStream frames) throws IOException {
        PrintStream out = new PrintStream(new FrameOutputStream(frames, AdminFrames.OUT), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FrameOutputStream(frames, AdminFrames.ERR), false, StandardCharsets.UTF_8);
        AdminCommandLine command = AdminCommandLine.parse(args);
        ExitCode exit;
        if (command != null) {
            // the noun and verb only: arguments may hold a password
            log.info("Admin command from {}: {} {}", peer, command.noun(), command.verb() == null ? "" : command.verb());
        }
        if (command == null) {
            err.println("no command given");
            exit = ExitCode.USAGE;
        } else {
            exit = cli.run(command, new CliIo(out, err, () -> readLine(in, frames, out, err), command.json()));
        }
        out.flush();
        err.flush();
        finish(frames, exit, null);
    }

    /** Asks the client for one line of its standard input. */
    private static String readLine(DataInputStream in, DataOutputStream frames, PrintStream out, PrintStream err) {
        try {
            out.flush();
            err.flush();
            synchronized (frames) {
                frames.writeByte(AdminFrames.STDIN);
                frames.flush();
            }
            return in.readByte() == AdminFrames.LINE ? in.readUTF() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String[] readCommand(DataInputStream in) throws IOException {
        if (in.readInt() != AdminFrames.MAGIC) {
            return null;
        }
        int count = in.readInt();
        if (count < 0 || count > properties.maxArguments()) {
            return null;
        }
        String[] args = new String[count];
        for (int i = 0; i < count; i++) {
            args[i] = in.readUTF(); // at most 65535 bytes each, by the format
        }
        return args;
    }

    private static void finish(DataOutputStream frames, ExitCode exit, String error) throws IOException {
        synchronized (frames) {
            if (error != null) {
                byte[] text = ("error: " + error + "\n").getBytes(StandardCharsets.UTF_8);
                frames.writeByte(AdminFrames.ERR);
                frames.writeInt(text.length);
                frames.write(text);
            }
            frames.writeByte(AdminFrames.EXIT);
            frames.writeInt(exit.code);
            frames.flush();
        }
    }

    /** The peer's user when it is the server's own or root, else null (refused). */
    private static String peer(SocketChannel client) {
        try {
            UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
            String user = peer.user().getName();
            return user.equals(System.getProperty("user.name")) || user.equals("root") ? user : null;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static void closeQuietly(SocketChannel client) {
        try {
            client.close();
        } catch (IOException e) {
            // closing a connection past its deadline; nothing more to do
        }
    }

    @Override
    public void stop() {
        ServerSocketChannel channel = server;
        server = null;
        if (channel != null) {
            closeQuietly(channel);
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                log.warn("Admin socket {} not removed: {}", socket, e.toString());
            }
            watchdog.shutdownNow();
        }
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // stopping anyway
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** Opens early, closes late: after the listeners stop, the admin may still look at the queue. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }
}
