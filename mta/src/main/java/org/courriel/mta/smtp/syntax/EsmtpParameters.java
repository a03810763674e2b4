package org.courriel.mta.smtp.syntax;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.courriel.mta.smtp.reply.Reply;

/**
 * The {@code esmtp-param} list after a path (RFC 5321 §4.1.2): {@code keyword[=value]} separated by spaces.
 * Keywords are case-insensitive (upper case here); a keyword given twice is an error.
 */
public final class EsmtpParameters {

    private EsmtpParameters() {
    }

    /** Keyword to value; a keyword without value maps to "". */
    public static Map<String, String> parse(String text) throws SmtpSyntaxException {
        Map<String, String> params = new LinkedHashMap<>();
        if (text.isBlank()) {
            return params;
        }
        for (String token : text.strip().split(" +")) {
            int eq = token.indexOf('=');
            String keyword = (eq < 0 ? token : token.substring(0, eq)).toUpperCase(Locale.ROOT);
            String value = eq < 0 ? "" : token.substring(eq + 1);
            if (keyword.isEmpty() || !keyword.matches("[A-Z0-9][A-Z0-9-]*") || (eq >= 0 && value.isEmpty())) {
                throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "bad parameter " + token);
            }
            if (params.putIfAbsent(keyword, value) != null) {
                throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "parameter given twice: " + keyword);
            }
        }
        return params;
    }

    /** RFC 3461 §4: xtext is printable ASCII except '+' and '=', with {@code +XX} hex escapes. */
    public static boolean isXtext(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+') {
                if (i + 2 >= value.length() || !hex(value.charAt(i + 1)) || !hex(value.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c < 33 || c > 126 || c == '=') {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }

    /** The value as upper case, for enumerated values (BODY, RET, NOTIFY). */
    public static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
