package org.courriel.mta.smtp.syntax;

import org.courriel.mta.smtp.reply.Reply;

/**
 * Parses the argument of MAIL FROM and RCPT TO: a path in angle brackets followed by ESMTP parameters
 * (RFC 5321 §4.1.1.2, §4.1.1.3, §4.1.2). Tolerated as many clients send them: spaces after the colon
 * ({@code MAIL FROM: <a@b>}, the textbook dialogue) and a path without brackets.
 */
public final class PathParser {

    /** The path and the text after it (the parameters). */
    public record Parsed(Path path, String parameters) {
    }

    private PathParser() {
    }

    /**
     * @param arguments the command's arguments, e.g. {@code FROM:<a@b> SIZE=10}
     * @param keyword   {@code FROM} or {@code TO}
     */
    public static Parsed parse(String arguments, String keyword, Reply badSyntax)
            throws SmtpSyntaxException {
        String prefix = keyword + ":";
        if (arguments.length() < prefix.length() || !arguments.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "expected " + prefix);
        }
        String rest = arguments.substring(prefix.length()).stripLeading();
        String inside;
        String after;
        if (rest.startsWith("<")) {
            int close = closingBracket(rest);
            if (close < 0) {
                throw new SmtpSyntaxException(badSyntax, "unbalanced angle brackets");
            }
            inside = rest.substring(1, close);
            after = rest.substring(close + 1);
            if (!after.isEmpty() && after.charAt(0) != ' ') {
                throw new SmtpSyntaxException(badSyntax, "text after the path");
            }
        } else {
            int space = rest.indexOf(' ');
            inside = space < 0 ? rest : rest.substring(0, space);
            after = space < 0 ? "" : rest.substring(space);
            if (inside.isEmpty()) {
                throw new SmtpSyntaxException(badSyntax, "empty path");
            }
        }
        return new Parsed(path(inside, badSyntax), after.strip());
    }

    /** The index of the '>' closing the path, skipping quoted strings; -1 when there is none. */
    private static int closingBracket(String s) {
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    static Path path(String inside, Reply badSyntax) throws SmtpSyntaxException {
        if (inside.isEmpty()) {
            return new Path("", false, false, false);
        }
        boolean route = false;
        String mailbox = inside;
        // RFC 5321 §4.1.2: A-d-l ":" Mailbox, e.g. @relay1,@relay2:user@host
        if (inside.startsWith("@")) {
            int colon = inside.indexOf(':');
            if (colon < 0) {
                throw new SmtpSyntaxException(badSyntax, "source route without ':'");
            }
            route = true;
            mailbox = inside.substring(colon + 1);
        }
        int at = mailbox.lastIndexOf('@');
        String local = at < 0 ? mailbox : mailbox.substring(0, at);
        String domain = at < 0 ? "" : mailbox.substring(at + 1);
        boolean quoted = local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"");
        if (local.isEmpty() || (at >= 0 && domain.isEmpty())) {
            throw new SmtpSyntaxException(badSyntax, "empty local part or domain");
        }
        if (!quoted && !dotString(local)) {
            throw new SmtpSyntaxException(badSyntax, "bad local part");
        }
        boolean literal = domain.startsWith("[") && domain.endsWith("]");
        if (!literal && !domain.isEmpty() && !domainName(domain)) {
            throw new SmtpSyntaxException(badSyntax, "bad domain");
        }
        return new Path(mailbox, route, quoted, literal);
    }

    /** RFC 5321 §4.1.2 Dot-string of atext (RFC 5322 §3.2.3), UTF-8 allowed (RFC 6531 §3.3). */
    private static boolean dotString(String s) {
        if (s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean atext = Character.isLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0 || c >= 0x80;
            if (!atext) {
                return false;
            }
        }
        return true;
    }

    /** RFC 5321 §4.1.2 Domain: dot-separated labels of letters, digits and hyphens (U-labels allowed, RFC 6531). */
    private static boolean domainName(String s) {
        if (s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c >= 0x80)) {
                return false;
            }
        }
        return true;
    }
}
