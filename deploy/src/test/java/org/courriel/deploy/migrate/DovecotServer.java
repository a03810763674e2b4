package org.courriel.deploy.migrate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;

import org.courriel.store.testing.Await;
import org.courriel.store.testing.Tools;

/**
 * Debian's Dovecot ({@code dovecot-imapd}) on a loopback port, as the old server of a migration: passwd-file
 * authentication of one user, Maildir under {@code dir}, no TLS, hierarchy delimiter {@code .}, and a folder
 * {@code Sent Messages} with the \Sent special use (RFC 6154). Run as root (CI) its processes drop to Debian's
 * {@code dovecot}/{@code dovenull} users; otherwise it runs as the current user.
 */
final class DovecotServer implements AutoCloseable {

    final int port;
    private final Process process;
    private final Path log;

    private DovecotServer(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static DovecotServer start(Path dir, String user, String password) throws IOException {
        Path dovecot = Tools.require("dovecot", "dovecot-imapd");
        Tools.require("/usr/lib/dovecot/imap", "dovecot-imapd");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path mail = Files.createDirectories(dir.resolve("mail"));
        boolean root = "root".equals(System.getProperty("user.name"));
        String internalUser = root ? "dovecot" : System.getProperty("user.name");
        String loginUser = root ? "dovenull" : internalUser;
        if (root) {
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("dovecot");
            Files.setOwner(mail, owner);
            Files.getFileAttributeView(mail, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(
                    dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("dovecot"));
        }
        int uid = (Integer) Files.getAttribute(mail, "unix:uid");
        int gid = (Integer) Files.getAttribute(mail, "unix:gid");
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, user + ":{PLAIN}" + password + "::::" + mail.resolve(user) + "\n");
        int port = freePort();
        Path config = dir.resolve("dovecot.conf");
        Files.writeString(config, """
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                protocols = imap
                listen = 127.0.0.1
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                default_internal_user = %2$s
                default_login_user = %3$s
                first_valid_uid = 0
                first_valid_gid = 0
                mail_location = maildir:~/Maildir
                passdb {
                  driver = passwd-file
                  args = %4$s
                }
                userdb {
                  driver = passwd-file
                  args = %4$s
                  default_fields = uid=%5$d gid=%6$d
                }
                service imap-login {
                  chroot =
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %7$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                service anvil {
                  chroot =
                }
                namespace inbox {
                  inbox = yes
                  separator = .
                  mailbox "Sent Messages" {
                    special_use = \\Sent
                    auto = create
                  }
                }
                """.formatted(dir, internalUser, loginUser, passwd, uid, gid, port), StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("state"));
        Path log = dir.resolve("dovecot.log");
        Process process = new ProcessBuilder(dovecot.toString(), "-F", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("dovecot.out").toFile()).start();
        DovecotServer server = new DovecotServer(port, process, log);
        Await.until("Dovecot listening on 127.0.0.1:" + port, Duration.ofSeconds(30), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("Dovecot exited: " + read(dir.resolve("dovecot.out")) + read(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return server;
    }

    /** Dovecot's log, to explain a failure. */
    String log() {
        return read(log);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
