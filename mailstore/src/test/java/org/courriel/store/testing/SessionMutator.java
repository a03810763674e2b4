package org.courriel.store.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutates recorded client sessions (lines without their CRLF, one char per byte as ISO-8859-1 reads them)
 * for protocol-level fuzzing against a running server: lines dropped, repeated, swapped or borrowed from
 * another session; words replaced by tokens that stress the grammar; bytes flipped, lines cut. A fixed seed
 * makes every run send the same sessions, so a failure names a session that can be replayed.
 */
public final class SessionMutator {

    /** Bytes a parser must take with care: controls, 8-bit, the specials of IMAP and SMTP. */
    private static final String SPECIALS = "\0\r\n\t \"\\(){}[]<>%*+~:;,.=@\u0080\u00ff";

    private final Random random;
    private final List<String> tokens;

    /**
     * @param seed   fixes the sessions produced
     * @param tokens protocol words and values to splice in (numbers at the edges, literals, keywords...)
     */
    public SessionMutator(long seed, List<String> tokens) {
        this.random = new Random(seed);
        this.tokens = List.copyOf(tokens);
    }

    /** One to four mutations of {@code session}; {@code pool} lends lines from other sessions. */
    public List<String> mutate(List<String> session, List<List<String>> pool) {
        List<String> lines = new ArrayList<>(session);
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            mutateOnce(lines, pool);
        }
        return lines;
    }

    private void mutateOnce(List<String> lines, List<List<String>> pool) {
        if (lines.isEmpty()) {
            lines.add(token());
            return;
        }
        int i = random.nextInt(lines.size());
        String line = lines.get(i);
        switch (random.nextInt(9)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, line);
            case 2 -> {
                int j = random.nextInt(lines.size());
                lines.set(i, lines.get(j));
                lines.set(j, line);
            }
            case 3 -> {
                List<String> other = pool.get(random.nextInt(pool.size()));
                if (!other.isEmpty()) {
                    lines.add(i, other.get(random.nextInt(other.size())));
                }
            }
            case 4 -> lines.set(i, replaceWord(line));
            case 5 -> {
                int at = random.nextInt(line.length() + 1);
                lines.set(i, line.substring(0, at) + token() + line.substring(at));
            }
            case 6 -> lines.set(i, line.substring(0, random.nextInt(line.length() + 1)));
            case 7 -> {
                if (!line.isEmpty()) {
                    char[] chars = line.toCharArray();
                    chars[random.nextInt(chars.length)] = SPECIALS.charAt(random.nextInt(SPECIALS.length()));
                    lines.set(i, new String(chars));
                }
            }
            default -> {
                // a run of one token: deep parentheses, long lists, long words (bounded: a few hundred bytes)
                String t = token();
                int at = random.nextInt(line.length() + 1);
                lines.set(i, line.substring(0, at) + t.repeat(1 + random.nextInt(Math.max(1, 400 / Math.max(1, t.length()))))
                        + line.substring(at));
            }
        }
    }

    private String replaceWord(String line) {
        String[] words = line.split(" ", -1);
        words[random.nextInt(words.length)] = token();
        return String.join(" ", words);
    }

    private String token() {
        return tokens.get(random.nextInt(tokens.size()));
    }
}
