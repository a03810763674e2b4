package org.courriel.mta.auth.arc;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.courriel.mta.auth.dkim.DkimException;
import org.courriel.mta.auth.message.InboundMessage.Field;
import org.courriel.mta.auth.message.InboundMessage;

/**
 * The ARC sets of a received message, grouped by instance and checked for the structure RFC 8617 §5.2 steps
 * 2 and 3 require, before any signature is looked at. Pure.
 *
 * @param sets    instances 1..N in increasing order; empty when the message has no ARC field
 * @param failure why the chain is structurally broken (arc=fail), or null
 */
public record ArcChain(List<ArcSet> sets, String failure) {

    /** RFC 8617 §4.2.1: instance values run from 1 to 50. */
    public static final int MAX_INSTANCE = 50;

    static final String AAR = "ARC-Authentication-Results";
    static final String AMS = "ARC-Message-Signature";
    static final String AS = "ARC-Seal";

    public static ArcChain of(InboundMessage message) {
        TreeMap<Integer, Field[]> byInstance = new TreeMap<>();
        List<String> names = List.of(AAR, AMS, AS);
        for (Field field : message.fields()) {
            int kind = -1;
            for (int k = 0; k < names.size(); k++) {
                if (field.is(names.get(k))) {
                    kind = k;
                }
            }
            if (kind < 0) {
                continue;
            }
            int instance;
            try {
                instance = kind == 0 ? aarInstance(field.value()) : ArcMessageSignature.instance(value(field));
            } catch (DkimException e) {
                return broken(names.get(kind) + ": " + e.getMessage());
            }
            Field[] set = byInstance.computeIfAbsent(instance, i -> new Field[3]);
            if (set[kind] != null) {
                return broken("two " + names.get(kind) + " fields for instance " + instance); // §5.2 step 3
            }
            set[kind] = field;
        }
        if (byInstance.isEmpty()) {
            return new ArcChain(List.of(), null);
        }
        List<ArcSet> sets = new ArrayList<>();
        int expected = 1;
        for (var entry : byInstance.entrySet()) {
            Field[] f = entry.getValue();
            if (entry.getKey() != expected) {
                return broken("instance " + expected + " is missing"); // §5.2 step 3: 1..N, no gap
            }
            for (int k = 0; k < 3; k++) {
                if (f[k] == null) {
                    return broken("instance " + expected + " has no " + names.get(k));
                }
            }
            ArcSeal seal;
            try {
                seal = ArcSeal.parse(value(f[2]));
            } catch (DkimException e) {
                return broken("ARC-Seal " + expected + ": " + e.getMessage());
            }
            sets.add(new ArcSet(expected, f[0], f[1], f[2], seal));
            expected++;
        }
        // §5.2 step 2: the newest sealer already found the chain broken.
        if (sets.getLast().seal().cv() == ArcResult.FAIL) {
            return new ArcChain(sets, "ARC-Seal " + sets.size() + " says cv=fail");
        }
        // §5.2 step 3 (§4.1.3): the first seal starts a chain, every later one vouches for the one before.
        for (ArcSet set : sets) {
            ArcResult want = set.instance() == 1 ? ArcResult.NONE : ArcResult.PASS;
            if (set.seal().cv() != want) {
                return new ArcChain(sets, "ARC-Seal " + set.instance() + " has cv=" + set.seal().cv().keyword());
            }
        }
        return new ArcChain(List.copyOf(sets), null);
    }

    /** An {@code i=} value: 1 to 50 (RFC 8617 §4.2.1). */
    static int instance(String value) throws DkimException {
        String v = value.strip();
        if (!v.matches("[0-9]{1,3}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > MAX_INSTANCE) {
            throw new DkimException("instance " + v + " is not within 1.." + MAX_INSTANCE);
        }
        return Integer.parseInt(v);
    }

    /** RFC 8617 §4.1.1: the AAR value starts with {@code i=N;} before the authserv-id. */
    private static int aarInstance(String value) throws DkimException {
        int semicolon = value.indexOf(';');
        String first = semicolon < 0 ? value : value.substring(0, semicolon);
        int eq = first.indexOf('=');
        if (eq < 0 || !first.substring(0, eq).strip().equalsIgnoreCase("i")) {
            throw new DkimException("no i= first");
        }
        return instance(first.substring(eq + 1));
    }

    private static String value(Field field) {
        return field.raw().substring(field.raw().indexOf(':') + 1);
    }

    private static ArcChain broken(String why) {
        return new ArcChain(List.of(), why);
    }

    /** N, the newest instance; 0 without a chain. */
    public int instances() {
        return sets.size();
    }
}
