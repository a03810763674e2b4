package org.courriel.mta.relay.tls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parses the policy file {@code /.well-known/mta-sts.txt} (RFC 8461 §3.2): text in, a policy or a reason out. */
public final class MtaStsPolicyParser {

    /** RFC 8461 §3.2: max_age is at most 31557600 seconds (about one year), 1 to 10 digits. */
    static final long MAX_AGE_LIMIT = 31_557_600;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

    private MtaStsPolicyParser() {
    }

    /** The outcome: a policy, or why the file is not one (then the domain is treated as having none). */
    public sealed interface Result {
        record Valid(MtaStsPolicy policy) implements Result {
        }

        record Invalid(String reason) implements Result {
        }
    }

    public static Result parse(String text) {
        String version = null;
        String mode = null;
        String maxAge = null;
        List<String> mx = new ArrayList<>();
        // §3.2: key/value pairs separated by CRLF (LF alone is accepted, as senders do in practice)
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return new Result.Invalid("not a key: value line: " + abbreviate(line));
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "version" -> version = version == null ? value : version;
                case "mode" -> mode = mode == null ? value : mode;
                case "max_age" -> maxAge = maxAge == null ? value : maxAge;
                case "mx" -> mx.add(value);
                default -> {
                    // §3.2: unknown fields are ignored (extensions)
                }
            }
        }
        if (!"STSv1".equals(version)) {
            return new Result.Invalid("version is not STSv1");
        }
        MtaStsPolicy.Mode parsedMode;
        switch (mode == null ? "" : mode) {
            case "enforce" -> parsedMode = MtaStsPolicy.Mode.ENFORCE;
            case "testing" -> parsedMode = MtaStsPolicy.Mode.TESTING;
            case "none" -> parsedMode = MtaStsPolicy.Mode.NONE;
            default -> {
                return new Result.Invalid("mode is not enforce, testing or none");
            }
        }
        if (maxAge == null || !DIGITS.matcher(maxAge).matches() || Long.parseLong(maxAge) > MAX_AGE_LIMIT) {
            return new Result.Invalid("max_age is not a number of seconds up to " + MAX_AGE_LIMIT);
        }
        if (mx.isEmpty() && parsedMode != MtaStsPolicy.Mode.NONE) {
            return new Result.Invalid("no mx pattern"); // §3.2: mx is required unless the mode is none
        }
        for (String pattern : mx) {
            if (pattern.isEmpty() || pattern.indexOf('*', pattern.startsWith("*.") ? 1 : 0) >= 0
                    || pattern.chars().anyMatch(Character::isWhitespace)) {
                return new Result.Invalid("bad mx pattern: " + abbreviate(pattern));
            }
        }
        return new Result.Valid(new MtaStsPolicy(parsedMode, mx.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList(),
                Duration.ofSeconds(Long.parseLong(maxAge))));
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
