package org.courriel.mta.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * Questions whose answer counts only when DNSSEC proves it (RFC 4033 §5; TLSA and MX for DANE, RFC 7672 §2.1):
 * dnsjava's {@link ValidatingResolver} over the node's resolvers ({@code courriel.dns.servers}), validating
 * from the configured trust anchors. The resolvers must pass DNSSEC records on (DO bit); one that strips
 * them makes every signed answer bogus.
 */
public class DnssecResolver {

    /** RFC 4035 §4.3 security states; a bogus answer and a failing resolver look alike (SERVFAIL). */
    public enum Security {
        /** Validated from a trust anchor. */
        SECURE,
        /** Provably unsigned (or outside every trust anchor). */
        INSECURE,
        /** Failed validation, SERVFAIL or no answer in time: nothing can be concluded. */
        FAILED
    }

    /** An answer with its security state; the records are those of the asked type (none on failure). */
    public record SecureAnswer<T>(Security security, List<T> records, String error) {
        public SecureAnswer {
            records = List.copyOf(records);
        }
    }

    private final Resolver resolver;
    private final Duration timeout;

    /**
     * @param trustAnchors DS or DNSKEY records in master-file form (RFC 1035 §5), absolute names
     */
    public DnssecResolver(DnsProperties properties, String trustAnchors) {
        this.timeout = properties.timeout();
        List<Resolver> each = new ArrayList<>();
        var servers = properties.servers().isEmpty() ? ResolverConfig.getCurrentConfig().servers()
                : properties.servers().stream().map(DnsjavaResolver::server).toList();
        for (var server : servers) {
            SimpleResolver simple = new SimpleResolver(server);
            simple.setTimeout(timeout);
            each.add(simple);
        }
        ExtendedResolver head = new ExtendedResolver(each);
        head.setTimeout(timeout);
        ValidatingResolver validating = new ValidatingResolver(head);
        try {
            validating.loadTrustAnchors(new ByteArrayInputStream(trustAnchors.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("bad DNSSEC trust anchors", e);
        }
        validating.setTimeout(timeout);
        this.resolver = validating;
    }

    /** The TLSA records of {@code _port._tcp.host} (RFC 6698 §3). */
    public SecureAnswer<TLSARecord> tlsa(String name) {
        return query(name, Type.TLSA, TLSARecord.class);
    }

    /**
     * The MX host names of a domain, lower case without the final dot, null MX included as {@code "."}:
     * whether the answer is validated is what RFC 7672 §2.2.1 and RFC 8689 §4.2.1 step 1 ask of the MX lookup
     * (a secure empty answer proves there is no MX, the domain itself being the implicit one).
     */
    public SecureAnswer<String> mxHosts(String domain) {
        SecureAnswer<MXRecord> answer = query(domain, Type.MX, MXRecord.class);
        List<String> hosts = answer.records().stream().map(r -> {
            String host = r.getTarget().toString(true).toLowerCase(Locale.ROOT);
            return host.isEmpty() ? "." : host;
        }).toList();
        return new SecureAnswer<>(answer.security(), hosts, answer.error());
    }

    private <T extends Record> SecureAnswer<T> query(String name, int type, Class<T> recordType) {
        Name absolute;
        try {
            absolute = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            return new SecureAnswer<>(Security.FAILED, List.of(), "not a domain name: " + name);
        }
        Message response;
        try {
            response = resolver.sendAsync(Message.newQuery(Record.newRecord(absolute, type, DClass.IN)))
                    .toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new SecureAnswer<>(Security.FAILED, List.of(), "no answer within " + timeout);
        } catch (ExecutionException e) {
            return new SecureAnswer<>(Security.FAILED, List.of(), String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SecureAnswer<>(Security.FAILED, List.of(), "interrupted");
        }
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            return new SecureAnswer<>(Security.FAILED, List.of(), Rcode.string(rcode));
        }
        List<T> records = new ArrayList<>();
        for (Record r : response.getSection(Section.ANSWER)) {
            if (recordType.isInstance(r)) {
                records.add(recordType.cast(r));
            }
        }
        // the validator sets AD only on what it proved (RFC 4035 §3.2.3)
        Security security = response.getHeader().getFlag(Flags.AD) ? Security.SECURE : Security.INSECURE;
        return new SecureAnswer<>(security, records, null);
    }
}
