package org.courriel.mta.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The JVM's name resolver in the tests (registered in {@code META-INF/services}): the names a test
 * {@link #add}s resolve to 127.0.0.1, every other question goes to the built-in resolver. For clients that
 * resolve through the JVM and not through {@code courriel.dns.servers}, such as the MTA-STS policy fetch over
 * {@code java.net.http}, so that they reach a loopback server under a real-looking host name.
 */
public final class LoopbackNames extends InetAddressResolverProvider {

    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

    /** From now on {@code name} is 127.0.0.1 for the whole test JVM. */
    public static void add(String name) {
        NAMES.add(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                if (NAMES.contains(host.toLowerCase(Locale.ROOT))) {
                    return Stream.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return builtin.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "courriel-test-loopback-names";
    }
}
