package org.courriel.deploy.safety;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The local addresses of the listening TCP sockets of this machine on one port, from /proc/net/tcp and tcp6. */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** The local addresses (hex as the kernel writes them) listening on {@code port}. */
    static List<String> on(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        List<String> addresses = new ArrayList<>();
        for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(file);
            if (!Files.exists(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(":" + hexPort) && f[3].equals(LISTEN)) {
                    addresses.add(f[1].substring(0, f[1].indexOf(':')));
                }
            }
        }
        return addresses;
    }

    /** 127.0.0.1 in tcp, ::1 or ::ffff:127.0.0.1 in tcp6. */
    static boolean isLoopback(String hex) {
        return hex.equals("0100007F") || hex.equals("00000000000000000000000001000000")
                || hex.equals("0000000000000000FFFF00000100007F");
    }
}
