package org.courriel.mta.auth.dmarc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courriel.mta.auth.message.InboundMessage;

/**
 * The RFC5322.From domains of a message (RFC 7489 §6.6.1): of every From field and every address in it, so
 * that a second From field or a second address cannot hide a forged one. Display names and comments are
 * dropped first: {@code "ceo@ourdomain" <x@elsewhere>} is from elsewhere. Pure.
 */
public final class FromDomains {

    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern COMMENT = Pattern.compile("\\((?:[^()\\\\]|\\\\.)*\\)");
    private static final Pattern DOMAIN = Pattern.compile("@\\s*\\[?([^\\s>,;\\]\\[]+)");

    private FromDomains() {
    }

    public static List<String> of(InboundMessage message) {
        Set<String> domains = new LinkedHashSet<>();
        for (InboundMessage.Field from : message.fields("From")) {
            String value = QUOTED.matcher(from.value()).replaceAll("\"\"");
            for (int i = 0; i < 5; i++) { // nested comments, a few levels
                value = COMMENT.matcher(value).replaceAll(" ");
            }
            Matcher m = DOMAIN.matcher(value);
            while (m.find()) {
                String d = m.group(1).toLowerCase(Locale.ROOT);
                domains.add(d.endsWith(".") ? d.substring(0, d.length() - 1) : d);
            }
        }
        return List.copyOf(domains);
    }
}
