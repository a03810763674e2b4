package org.courriel.api.message;

import java.util.List;

import org.courriel.api.problem.ApiException;
import org.courriel.store.message.Flags;
import org.courriel.store.message.SystemFlag;

/**
 * Checks flag names from a request: system flags by their IMAP names, keywords as IMAP atoms
 * (RFC 9051 §9: flag-keyword = atom; no space, control, "(", ")", "{", "%", "*", '"', "\" or "]").
 */
final class FlagNames {

    private FlagNames() {
    }

    static Flags parse(List<String> names, String field) {
        if (names == null) {
            return Flags.NONE;
        }
        if (names.size() > Flags.MAX_KEYWORDS + SystemFlag.values().length) {
            throw ApiException.invalid(field, "too many flags");
        }
        for (int i = 0; i < names.size(); i++) {
            check(names.get(i), field + "[" + i + "]");
        }
        return Flags.fromNames(names);
    }

    private static void check(String name, String field) {
        if (name == null || name.isEmpty()) {
            throw ApiException.invalid(field, "empty flag");
        }
        if (name.startsWith("\\")) {
            if (SystemFlag.fromImapName(name) == null) {
                throw ApiException.invalid(field, "not a system flag a message keeps: " + name);
            }
            return;
        }
        if (name.length() > Flags.MAX_KEYWORD_LENGTH) {
            throw ApiException.invalid(field, "keyword longer than " + Flags.MAX_KEYWORD_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0) {
                throw ApiException.invalid(field, "a keyword is an IMAP atom: " + name);
            }
        }
    }
}
