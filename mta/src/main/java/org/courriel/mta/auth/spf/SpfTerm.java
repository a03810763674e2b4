package org.courriel.mta.auth.spf;

import java.net.InetAddress;

/** One term of an SPF record (RFC 7208 §4.6.1): a directive (qualifier and mechanism) or a modifier. */
sealed interface SpfTerm {

    /** RFC 7208 §4.6.2: the result a matching mechanism gives. */
    enum Qualifier {
        PASS('+', SpfResult.PASS), FAIL('-', SpfResult.FAIL), SOFTFAIL('~', SpfResult.SOFTFAIL),
        NEUTRAL('?', SpfResult.NEUTRAL);

        final char symbol;
        final SpfResult result;

        Qualifier(char symbol, SpfResult result) {
            this.symbol = symbol;
            this.result = result;
        }

        static Qualifier of(char c) {
            for (Qualifier q : values()) {
                if (q.symbol == c) {
                    return q;
                }
            }
            return null;
        }
    }

    /** RFC 7208 §5: the mechanisms. {@code domainSpec} is null when the mechanism names none (the current domain). */
    sealed interface Mechanism {
        /** Whether it costs one of the ten DNS lookups (RFC 7208 §4.6.4). */
        default boolean looksUp() {
            return true;
        }
    }

    record All() implements Mechanism {
        @Override
        public boolean looksUp() {
            return false;
        }
    }

    record Include(String domainSpec) implements Mechanism {
    }

    record A(String domainSpec, int ip4Prefix, int ip6Prefix) implements Mechanism {
    }

    record Mx(String domainSpec, int ip4Prefix, int ip6Prefix) implements Mechanism {
    }

    record Ptr(String domainSpec) implements Mechanism {
    }

    record Ip(InetAddress network, int prefix) implements Mechanism {
        @Override
        public boolean looksUp() {
            return false;
        }
    }

    record Exists(String domainSpec) implements Mechanism {
    }

    record Directive(Qualifier qualifier, Mechanism mechanism) implements SpfTerm {
    }

    /** {@code redirect=}, {@code exp=} or an unknown modifier (ignored, RFC 7208 §6). */
    record Modifier(String name, String value) implements SpfTerm {
    }
}
