package org.courriel.mta.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Asks recursive resolvers ({@code courriel.dns.servers}, or the system's) through dnsjava, one question at a
 * time under {@code courriel.dns.timeout}, and keeps the answers in a cache bounded by size and by their TTL
 * (RFC 1035 §3.2.1; negative answers by the SOA minimum, RFC 2308 §5). Temporary failures are not kept.
 * The servers are trusted to follow CNAME chains (RFC 1034 §4.3.2): the records of the asked type in the
 * answer section are the answer.
 */
public class DnsjavaResolver implements DnsResolver {

    private record Key(Name name, int type) {
    }

    private record Cached(DnsAnswer<Record> answer, Duration ttl) {
    }

    private final Resolver resolver;
    private final Duration timeout;
    private final Duration maxTtl;
    private final Duration negativeTtl;
    private final Cache<Key, Cached> cache;
    private final DnsMetrics metrics;

    public DnsjavaResolver(DnsProperties properties, MeterRegistry meters) {
        this.timeout = properties.timeout();
        this.maxTtl = properties.cacheMaxTtl();
        this.negativeTtl = properties.negativeTtl().compareTo(maxTtl) > 0 ? maxTtl : properties.negativeTtl();
        this.resolver = resolver(properties);
        this.cache = Caffeine.newBuilder().maximumSize(properties.cacheSize())
                .expireAfter(Expiry.<Key, Cached>creating((key, value) -> value.ttl())).build();
        this.metrics = new DnsMetrics(meters, cache::estimatedSize);
    }

    private static Resolver resolver(DnsProperties properties) {
        List<InetSocketAddress> servers = properties.servers().isEmpty()
                ? ResolverConfig.getCurrentConfig().servers()
                : properties.servers().stream().map(DnsjavaResolver::server).toList();
        List<Resolver> each = new ArrayList<>();
        for (InetSocketAddress server : servers) {
            SimpleResolver simple = new SimpleResolver(server);
            simple.setTimeout(properties.timeout());
            each.add(simple);
        }
        ExtendedResolver extended = new ExtendedResolver(each);
        extended.setTimeout(properties.timeout());
        extended.setRetries(1);
        return extended;
    }

    /** {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 address; port 53 by default. */
    static InetSocketAddress server(String spec) {
        String s = spec.strip();
        String host = s;
        int port = 53;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            host = s.substring(1, end);
            if (s.length() > end + 2 && s.charAt(end + 1) == ':') {
                port = Integer.parseInt(s.substring(end + 2));
            }
        } else if (s.indexOf(':') == s.lastIndexOf(':') && s.indexOf(':') > 0) {
            host = s.substring(0, s.indexOf(':'));
            port = Integer.parseInt(s.substring(s.indexOf(':') + 1));
        }
        return new InetSocketAddress(host, port);
    }

    @Override
    public DnsAnswer<MxRecord> mx(String domain) {
        return map(lookup(domain, Type.MX), r -> r instanceof MXRecord m
                ? new MxRecord(m.getPriority(), m.getTarget().equals(Name.root) ? "." : m.getTarget().toString(true))
                : null);
    }

    @Override
    public DnsAnswer<InetAddress> addresses(String host) {
        DnsAnswer<InetAddress> v4 = a(host);
        DnsAnswer<InetAddress> v6 = aaaa(host);
        if (v4.status() == DnsAnswer.Status.FOUND || v6.status() == DnsAnswer.Status.FOUND) {
            List<InetAddress> all = new ArrayList<>(v4.records());
            all.addAll(v6.records());
            return DnsAnswer.found(all);
        }
        // The worse of the two: a temporary failure, else NO_DOMAIN, else NO_DATA.
        return v4.status().ordinal() >= v6.status().ordinal() ? v4 : v6;
    }

    @Override
    public DnsAnswer<InetAddress> a(String host) {
        return map(lookup(host, Type.A), r -> r instanceof ARecord a ? a.getAddress() : null);
    }

    @Override
    public DnsAnswer<InetAddress> aaaa(String host) {
        return map(lookup(host, Type.AAAA), r -> r instanceof AAAARecord a ? a.getAddress() : null);
    }

    @Override
    public DnsAnswer<String> txt(String name) {
        return map(lookup(name, Type.TXT), r -> {
            if (!(r instanceof TXTRecord t)) {
                return null;
            }
            StringBuilder joined = new StringBuilder();
            for (byte[] part : t.getStringsAsByteArrays()) {
                joined.append(new String(part, StandardCharsets.UTF_8));
            }
            return joined.toString();
        });
    }

    @Override
    public DnsAnswer<String> ptr(InetAddress address) {
        return map(lookup(ReverseMap.fromAddress(address), Type.PTR),
                r -> r instanceof PTRRecord p ? p.getTarget().toString(true) : null);
    }

    @Override
    public DnsAnswer<SrvRecord> srv(String name) {
        return map(lookup(name, Type.SRV), r -> r instanceof SRVRecord s
                ? new SrvRecord(s.getPriority(), s.getWeight(), s.getPort(), s.getTarget().toString(true)) : null);
    }

    @Override
    public DnsAnswer<String> cname(String name) {
        return map(lookup(name, Type.CNAME), r -> r instanceof CNAMERecord c ? c.getTarget().toString(true) : null);
    }

    private DnsAnswer<Record> lookup(String name, int type) {
        Name absolute;
        try {
            absolute = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "not a domain name: " + name);
        }
        return lookup(absolute, type);
    }

    private DnsAnswer<Record> lookup(Name name, int type) {
        Key key = new Key(name.canonicalize(), type);
        Cached hit = cache.getIfPresent(key);
        if (hit != null) {
            metrics.answered(Type.string(type), hit.answer().status(), true);
            return hit.answer();
        }
        Cached fresh = ask(name, type);
        if (fresh.answer().status() != DnsAnswer.Status.TEMPORARY_FAILURE && !fresh.ttl().isZero()) {
            cache.put(key, fresh);
        }
        metrics.answered(Type.string(type), fresh.answer().status(), false);
        return fresh.answer();
    }

    private Cached ask(Name name, int type) {
        Message response;
        try {
            response = resolver.sendAsync(Message.newQuery(Record.newRecord(name, type, DClass.IN)))
                    .toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return temporary("no answer within " + timeout);
        } catch (ExecutionException e) {
            return temporary(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return temporary("interrupted");
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return new Cached(DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "NXDOMAIN"), negativeTtl(response));
        }
        if (rcode != Rcode.NOERROR) {
            return temporary(Rcode.string(rcode)); // SERVFAIL, REFUSED...: try again later
        }
        List<Record> records = new ArrayList<>();
        long ttl = maxTtl.toSeconds();
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r.getType() == type) {
                records.add(r);
                ttl = Math.min(ttl, r.getTTL());
            }
        }
        if (records.isEmpty()) {
            return new Cached(DnsAnswer.of(DnsAnswer.Status.NO_DATA, "no " + Type.string(type) + " record"),
                    negativeTtl(response));
        }
        return new Cached(DnsAnswer.found(records), Duration.ofSeconds(ttl));
    }

    /** RFC 2308 §5: the SOA's TTL or its MINIMUM, whichever is less; our default without a SOA. */
    private Duration negativeTtl(Message response) {
        for (Record r : response.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord soa) {
                return Duration.ofSeconds(Math.min(Math.min(soa.getTTL(), soa.getMinimum()), negativeTtl.toSeconds()));
            }
        }
        return negativeTtl;
    }

    private static Cached temporary(String error) {
        return new Cached(DnsAnswer.of(DnsAnswer.Status.TEMPORARY_FAILURE, error), Duration.ZERO);
    }

    private static <T> DnsAnswer<T> map(DnsAnswer<Record> answer, java.util.function.Function<Record, T> convert) {
        if (answer.status() != DnsAnswer.Status.FOUND) {
            return DnsAnswer.of(answer.status(), answer.error());
        }
        List<T> out = new ArrayList<>();
        for (Record r : answer.records()) {
            T t = convert.apply(r);
            if (t != null) {
                out.add(t);
            }
        }
        return DnsAnswer.found(out);
    }
}
