package org.courriel.store.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.courriel.store.message.Flags;
import org.courriel.store.message.SystemFlag;

/**
 * The info part of a Maildir file name ({@code :2,} then flag letters in ASCII order): D draft, F flagged,
 * R replied, S seen, T trashed (deleted), and the lowercase letters {@code a}..{@code z} for the keywords of
 * the folder's {@code dovecot-keywords} file, letter n being its keyword n. Pure.
 */
public final class MaildirFlags {

    /** Keywords one folder can name: one lowercase letter each. */
    public static final int MAX_KEYWORDS = 26;

    private static final char[] LETTERS = {'D', 'F', 'R', 'S', 'T'};
    private static final SystemFlag[] FLAGS = {SystemFlag.DRAFT, SystemFlag.FLAGGED, SystemFlag.ANSWERED,
            SystemFlag.SEEN, SystemFlag.DELETED};

    private MaildirFlags() {
    }

    /** The info of a file in {@code cur/}: {@code 2,} and the letters, keywords by their index in {@code keywords}. */
    public static String info(Flags flags, List<String> keywords) {
        StringBuilder info = new StringBuilder("2,");
        for (int i = 0; i < LETTERS.length; i++) {
            if (flags.has(FLAGS[i])) {
                info.append(LETTERS[i]);
            }
        }
        for (int i = 0; i < keywords.size() && i < MAX_KEYWORDS; i++) {
            if (flags.hasKeyword(keywords.get(i))) {
                info.append((char) ('a' + i));
            }
        }
        return info.toString();
    }

    /** The flags of a file name: none without an info part ({@code new/}), unknown letters ignored. */
    public static Flags parse(String fileName, List<String> keywords) {
        int colon = fileName.lastIndexOf(":2,");
        if (colon < 0) {
            return Flags.NONE;
        }
        int system = 0;
        Set<String> named = new TreeSet<>();
        for (char c : fileName.substring(colon + 3).toCharArray()) {
            for (int i = 0; i < LETTERS.length; i++) {
                if (c == LETTERS[i]) {
                    system |= FLAGS[i].bit();
                }
            }
            if (c >= 'a' && c <= 'z' && c - 'a' < keywords.size()) {
                named.add(keywords.get(c - 'a'));
            }
        }
        return new Flags(system, named);
    }

    /**
     * The {@code dovecot-keywords} file: one {@code N keyword} line per keyword, N from 0.
     */
    public static String keywordFile(List<String> keywords) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < keywords.size() && i < MAX_KEYWORDS; i++) {
            text.append(i).append(' ').append(keywords.get(i)).append('\n');
        }
        return text.toString();
    }

    /** The keywords of a {@code dovecot-keywords} file, by index; malformed lines ignored. */
    public static List<String> parseKeywordFile(String text) {
        List<String> keywords = new ArrayList<>();
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space <= 0) {
                continue;
            }
            try {
                int index = Integer.parseInt(line.substring(0, space).trim());
                String keyword = line.substring(space + 1).trim();
                if (index >= 0 && index < MAX_KEYWORDS && !keyword.isEmpty()) {
                    while (keywords.size() <= index) {
                        keywords.add(null);
                    }
                    keywords.set(index, keyword);
                }
            } catch (NumberFormatException e) {
                // not a keyword line
            }
        }
        return keywords;
    }
}
