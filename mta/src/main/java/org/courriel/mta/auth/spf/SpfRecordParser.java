package org.courriel.mta.auth.spf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courriel.mta.auth.spf.SpfTerm.Directive;
import org.courriel.mta.auth.spf.SpfTerm.Modifier;
import org.courriel.mta.auth.spf.SpfTerm.Qualifier;

/**
 * Parses an SPF record (RFC 7208 §4.6.1, §12) into its terms. Pure; any syntax error anywhere in the record is
 * a {@code permerror} before anything is evaluated (RFC 7208 §4.6).
 */
final class SpfRecordParser {

    /** RFC 7208 §4.5: "v=spf1" followed by a space or nothing, case-insensitive. */
    private static final Pattern VERSION = Pattern.compile("(?i)v=spf1(?: .*)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    /** The optional CIDR lengths at the end of {@code a} and {@code mx}: {@code /24}, {@code //64}, both. */
    private static final Pattern DUAL_CIDR = Pattern.compile("^(.*?)(?:/(0|[1-9][0-9]?))?(?://(0|[1-9][0-9]{0,2}))?$");
    private static final Pattern TOPLABEL = Pattern.compile(
            "(?i)[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9]");

    private SpfRecordParser() {
    }

    /** Whether a TXT string is an SPF record at all (RFC 7208 §4.5). */
    static boolean isSpfRecord(String txt) {
        return VERSION.matcher(txt).matches();
    }

    static List<SpfTerm> parse(String record) throws SpfException {
        if (!isSpfRecord(record)) {
            throw SpfException.permerror("not an SPF record");
        }
        List<SpfTerm> terms = new ArrayList<>();
        boolean redirect = false;
        boolean exp = false;
        for (String term : record.substring("v=spf1".length()).split(" ")) {
            if (term.isEmpty()) {
                continue; // RFC 7208 §4.6.1: terms are separated by one or more spaces
            }
            SpfTerm parsed = term(term);
            if (parsed instanceof Modifier m) {
                // RFC 7208 §6: redirect and exp each appear at most once.
                if ((m.name().equals("redirect") && redirect) || (m.name().equals("exp") && exp)) {
                    throw SpfException.permerror("modifier " + m.name() + " appears twice");
                }
                redirect |= m.name().equals("redirect");
                exp |= m.name().equals("exp");
            }
            terms.add(parsed);
        }
        return List.copyOf(terms);
    }

    private static SpfTerm term(String term) throws SpfException {
        int eq = term.indexOf('=');
        int colon = term.indexOf(':');
        int slash = term.indexOf('/');
        boolean modifier = eq > 0 && (colon < 0 || eq < colon) && (slash < 0 || eq < slash)
                && NAME.matcher(term.substring(0, eq)).matches();
        if (modifier) {
            String name = term.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = term.substring(eq + 1);
            if (name.equals("redirect")) {
                domainSpec(value);
            } else {
                SpfMacro.check(value, name.equals("exp"));
            }
            return new Modifier(name, value);
        }
        Qualifier qualifier = Qualifier.of(term.charAt(0));
        String rest = qualifier == null ? term : term.substring(1);
        return new Directive(qualifier == null ? Qualifier.PASS : qualifier, mechanism(rest));
    }

    private static SpfTerm.Mechanism mechanism(String text) throws SpfException {
        int end = 0;
        while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        String name = text.substring(0, end).toLowerCase(Locale.ROOT);
        String arg = text.substring(end);
        return switch (name) {
            case "all" -> {
                none(arg, name);
                yield new SpfTerm.All();
            }
            case "include" -> new SpfTerm.Include(domainSpec(required(arg, name)));
            case "exists" -> new SpfTerm.Exists(domainSpec(required(arg, name)));
            case "ptr" -> new SpfTerm.Ptr(arg.isEmpty() ? null : domainSpec(required(arg, name)));
            case "a", "mx" -> {
                Matcher m = DUAL_CIDR.matcher(arg);
                m.matches();
                String spec = m.group(1).isEmpty() ? null : domainSpec(required(m.group(1), name));
                int v4 = m.group(2) == null ? 32 : Integer.parseInt(m.group(2));
                int v6 = m.group(3) == null ? 128 : Integer.parseInt(m.group(3));
                if (v4 > 32 || v6 > 128) {
                    throw SpfException.permerror("bad CIDR length in " + text);
                }
                yield name.equals("a") ? new SpfTerm.A(spec, v4, v6) : new SpfTerm.Mx(spec, v4, v6);
            }
            case "ip4", "ip6" -> ip(required(arg, name), name.equals("ip6"));
            default -> throw SpfException.permerror("unknown mechanism " + text);
        };
    }

    private static void none(String arg, String mechanism) throws SpfException {
        if (!arg.isEmpty()) {
            throw SpfException.permerror(mechanism + " takes no argument");
        }
    }

    /** ":value", the value not empty. */
    private static String required(String arg, String mechanism) throws SpfException {
        if (!arg.startsWith(":") || arg.length() == 1) {
            throw SpfException.permerror(mechanism + " needs :argument");
        }
        return arg.substring(1);
    }

    /** RFC 7208 §5.6: {@code ip4:192.0.2.0/24}, {@code ip6:2001:db8::/32}; the address literal is checked strictly. */
    private static SpfTerm.Ip ip(String spec, boolean six) throws SpfException {
        int slash = spec.indexOf('/');
        String address = slash < 0 ? spec : spec.substring(0, slash);
        int max = six ? 128 : 32;
        int prefix = max;
        if (slash >= 0) {
            String len = spec.substring(slash + 1);
            if (!len.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(len) > max) {
                throw SpfException.permerror("bad CIDR length in " + spec);
            }
            prefix = Integer.parseInt(len);
        }
        boolean looksRight = six ? address.contains(":") && address.matches("[0-9A-Fa-f:.]+")
                : address.matches("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
                        + "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
        if (!looksRight) {
            throw SpfException.permerror("bad address " + address);
        }
        try {
            InetAddress parsed = InetAddress.getByName(address); // a literal: no lookup
            if (six == (parsed instanceof java.net.Inet4Address) && !(six && address.contains("."))) {
                throw SpfException.permerror("bad address " + address);
            }
            return new SpfTerm.Ip(parsed, prefix);
        } catch (UnknownHostException e) {
            throw SpfException.permerror("bad address " + address);
        }
    }

    /** RFC 7208 §7.1: domain-spec = macro-string domain-end; domain-end = "." toplabel ["."] / macro-expand. */
    static String domainSpec(String spec) throws SpfException {
        SpfMacro.check(spec, false);
        if (spec.endsWith("}")) {
            return spec;
        }
        String s = spec.endsWith(".") ? spec.substring(0, spec.length() - 1) : spec;
        int dot = s.lastIndexOf('.');
        if (dot < 0 || !TOPLABEL.matcher(s.substring(dot + 1)).matches()) {
            throw SpfException.permerror("bad domain " + spec);
        }
        return spec;
    }
}
