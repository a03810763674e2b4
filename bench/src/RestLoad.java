import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST API under CLIENTS concurrent clients (issue 16, target 9: list and get p99 within 25 ms with 32): each
 * client, on a platform thread with an HTTP client (and so connections) of its own, lists a random page of 50 of
 * the mailbox (newest first) and reads one message of that page, over and over, for WARMUP seconds uncounted and
 * SECONDS counted. Prints requests/s and the p50, p99 and max of each kind; any answer but 200 is counted and
 * printed.
 *
 * <pre>java RestLoad.java BASE_URL USER PASSWORD MAILBOX_ID MESSAGES CLIENTS WARMUP SECONDS</pre>
 */
public final class RestLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2])
                .getBytes(StandardCharsets.UTF_8));
        String mailbox = args[3];
        int messages = Integer.parseInt(args[4]);
        int clients = Integer.parseInt(args[5]);
        long warmup = Long.parseLong(args[6]);
        long seconds = Long.parseLong(args[7]);
        int pages = Math.max(1, messages / 50);
        LongAdder errors = new LongAdder();
        List<long[]> lists = new ArrayList<>();
        List<long[]> gets = new ArrayList<>();
        List<int[]> countsOf = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long counted = start + Duration.ofSeconds(warmup).toNanos();
        long end = counted + Duration.ofSeconds(seconds).toNanos();
        for (int c = 0; c < clients; c++) {
            long[] listTimes = new long[1 << 20];
            long[] getTimes = new long[1 << 20];
            int[] counts = new int[1];
            lists.add(listTimes);
            gets.add(getTimes);
            countsOf.add(counts);
            Thread t = Thread.ofPlatform().start(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                int n = 0;
                try {
                    while (System.nanoTime() < end) {
                        int page = ThreadLocalRandom.current().nextInt(pages);
                        long t0 = System.nanoTime();
                        HttpResponse<String> list = http.send(get(base + "/api/v1/mailboxes/" + mailbox
                                + "/messages?size=50&page=" + page, auth), HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        if (list.statusCode() != 200) {
                            errors.increment();
                            continue;
                        }
                        List<String> ids = new ArrayList<>();
                        Matcher m = ID.matcher(list.body());
                        while (m.find()) {
                            ids.add(m.group(1));
                        }
                        if (ids.isEmpty()) {
                            errors.increment();
                            continue;
                        }
                        String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        long t2 = System.nanoTime();
                        HttpResponse<String> one = http.send(get(base + "/api/v1/messages/" + id, auth),
                                HttpResponse.BodyHandlers.ofString());
                        long t3 = System.nanoTime();
                        if (one.statusCode() != 200) {
                            errors.increment();
                        }
                        if (t0 >= counted && n < listTimes.length) {
                            listTimes[n] = t1 - t0;
                            getTimes[n++] = t3 - t2;
                        }
                    }
                } catch (Exception e) {
                    errors.increment();
                    System.out.println("client failed: " + e);
                }
                counts[0] = n;
            });
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] list = merge(lists, countsOf);
        long[] one = merge(gets, countsOf);
        double secs = seconds;
        System.out.printf("REST %d clients, %d s counted after %d s: %.0f requests/s, %d not 200%n", clients, seconds,
                warmup, (list.length + one.length) / secs, errors.sum());
        print("list a page of 50", list);
        print("get one message", one);
    }

    private static HttpRequest get(String uri, String auth) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", auth).timeout(Duration.ofSeconds(30))
                .GET().build();
    }

    /** The counted times of every client, sorted. */
    private static long[] merge(List<long[]> perClient, List<int[]> counts) {
        int total = counts.stream().mapToInt(c -> c[0]).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < perClient.size(); i++) {
            int n = counts.get(i)[0];
            System.arraycopy(perClient.get(i), 0, all, at, n);
            at += n;
        }
        Arrays.sort(all);
        return all;
    }

    private static void print(String what, long[] sorted) {
        if (sorted.length == 0) {
            System.out.println(what + ": none");
            return;
        }
        System.out.printf("%s: %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.length,
                at(sorted, 0.5) / 1e6, at(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static long at(long[] sorted, double q) {
        return sorted[(int) Math.max(0, Math.ceil(sorted.length * q) - 1)];
    }
}
