import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times IMAP searches of one mailbox: logs in, SELECTs it, then runs each search RUNS times and prints, per
 * search, how many messages it found and the median, fastest and slowest wall time (client side, from sending
 * the command to its tagged OK). The searches are the arguments after the first five, as IMAP criteria.
 * <p>
 * {@code java bench/src/SearchTimes.java NAME PORT USER PASSWORD RUNS CRITERIA...}
 */
public final class SearchTimes {

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int port = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[4]);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(600_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            in.readLine();
            command(in, out, "l LOGIN \"" + args[2] + "\" \"" + args[3] + "\"");
            command(in, out, "s SELECT INBOX");
            for (int c = 5; c < args.length; c++) {
                long[] times = new long[runs];
                int found = 0;
                for (int r = 0; r < runs; r++) {
                    long start = System.nanoTime();
                    List<String> lines = command(in, out, "q UID SEARCH " + args[c]);
                    times[r] = System.nanoTime() - start;
                    found = lines.stream().filter(l -> l.startsWith("* SEARCH")).mapToInt(l -> l.split(" ").length - 2)
                            .sum();
                }
                Arrays.sort(times);
                System.out.printf("SEARCH %-9s %-36s found %6d  median %8.1f ms  (%.1f-%.1f)%n", name, args[c], found,
                        times[runs / 2] / 1e6, times[0] / 1e6, times[runs - 1] / 1e6);
            }
            command(in, out, "z LOGOUT");
        }
    }

    private static List<String> command(BufferedReader in, OutputStream out, String line) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String tag = line.substring(0, line.indexOf(' ') + 1);
        List<String> lines = new ArrayList<>();
        for (String l = in.readLine(); ; l = in.readLine()) {
            if (l == null) {
                throw new IllegalStateException("connection closed after " + line);
            }
            if (l.startsWith(tag)) {
                if (!l.startsWith(tag + "OK")) {
                    throw new IllegalStateException(line + ": " + l);
                }
                return lines;
            }
            lines.add(l);
        }
    }
}
