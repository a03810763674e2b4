package org.courriel.deploy.maillog;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * Finds the mail log's lines of one message in a log file: given a queue id, its lines; given a Message-ID or
 * an address, the queue ids of the lines naming it, then every line of those ids (and the login lines of
 * that address). Reads the end of the file only, twice, never more than it is allowed.
 */
public final class MailLogSearch {

    /** A queue id where a mail log line names it: {@code 7KQ2M9XJ4TZA: to=...} (or {@code Q42:} of old entries). */
    static final Pattern LINE_ID = Pattern.compile("\\b([0-9BCDFGHJKLMNPQRSTVWXZ]{12}|Q[0-9]{1,18}): (?:from|to|sender)[= ]");

    private final Path file;
    private final long maxScan;
    private final int maxLines;

    public MailLogSearch(Path file, long maxScan, int maxLines) {
        this.file = file;
        this.maxScan = maxScan;
        this.maxLines = maxLines;
    }

    /** The matching lines, oldest first, at most {@code maxLines}. */
    public List<String> find(String term) {
        String needle = term.strip();
        boolean isId = needle.matches("[0-9A-Z]{12}|Q[0-9]{1,18}");
        String bracketed = ("<" + needle.replaceAll("^<|>$", "") + ">").toLowerCase(Locale.ROOT);
        Set<String> ids = new HashSet<>();
        if (isId) {
            ids.add(needle);
        } else {
            scan(line -> {
                if (line.toLowerCase(Locale.ROOT).contains(bracketed)) {
                    Matcher m = LINE_ID.matcher(line);
                    if (m.find()) {
                        ids.add(m.group(1));
                    }
                }
            });
        }
        List<String> found = new ArrayList<>();
        scan(line -> {
            if (found.size() >= maxLines) {
                return;
            }
            Matcher m = LINE_ID.matcher(line);
            if (m.find() ? ids.contains(m.group(1)) : !isId && line.toLowerCase(Locale.ROOT).contains("account=" + bracketed)) {
                found.add(line);
            }
        });
        return found;
    }

    private void scan(Consumer<String> lines) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - maxScan);
            raf.seek(start);
            BufferedReader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(raf.getChannel()),
                    StandardCharsets.UTF_8));
            if (start > 0) {
                reader.readLine(); // a partial line
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
