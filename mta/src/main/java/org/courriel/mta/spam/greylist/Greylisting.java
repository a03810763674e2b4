package org.courriel.mta.spam.greylist;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.courriel.access.net.IpNetwork;
import org.courriel.store.greylist.Triplets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Greylisting (the technique of Harris, "The Next Step in the Spam Control War: Greylisting", 2003) over the
 * store's triplets, so that a retry that reaches another node counts. A triplet is the client's network (its
 * IPv4 /24 or IPv6 /64: large senders retry from another address of the same pool), the sender and one
 * recipient. A network whose triplet passed is accepted without waiting for {@code pass-duration}.
 * <p>
 * It runs at the end of DATA, after the mail-authentication verdicts, so that a sender whose domain passes DMARC
 * (it is who it claims to be) is never greylisted; the caller decides that exemption.
 */
public final class Greylisting {

    /** Purge old triplets once every this many checks. */
    private static final long PURGE_EVERY = 1000;

    private final Triplets triplets;
    private final GreylistProperties settings;
    private final MeterRegistry meters;
    private final AtomicLong checks = new AtomicLong();

    public Greylisting(Triplets triplets, GreylistProperties settings, MeterRegistry meters) {
        this.triplets = triplets;
        this.settings = settings;
        this.meters = meters;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The triplets' network of a client: its /24 or /64. */
    static String network(InetAddress client) {
        int prefix = client instanceof Inet4Address ? 24 : 64;
        byte[] bytes = client.getAddress();
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        try {
            return new IpNetwork(InetAddress.getByAddress(bytes), prefix).toString();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: four or sixteen bytes
        }
    }

    public GreylistDecision check(InetAddress client, String sender, List<String> recipients, Instant now) {
        if (checks.incrementAndGet() % PURGE_EVERY == 0) {
            triplets.purge(now.minus(settings.delay()).minus(settings.retryWindow()), now);
        }
        String network = network(client);
        if (triplets.passed(network, now)) {
            return count(new GreylistDecision.Pass(), "known");
        }
        String from = sender.toLowerCase(Locale.ROOT);
        Duration longestWait = Duration.ZERO;
        for (String recipient : recipients) {
            String to = recipient.toLowerCase(Locale.ROOT);
            Instant first = triplets.firstSeen(network, from, to, now);
            Duration age = Duration.between(first, now);
            if (age.compareTo(settings.delay().plus(settings.retryWindow())) > 0) {
                triplets.restart(network, from, to, now); // came back too late: a new wait
                age = Duration.ZERO;
            }
            if (age.compareTo(settings.delay()) < 0) {
                Duration wait = settings.delay().minus(age);
                longestWait = wait.compareTo(longestWait) > 0 ? wait : longestWait;
            }
        }
        if (!longestWait.isZero()) {
            return count(new GreylistDecision.Defer(longestWait), "deferred");
        }
        triplets.pass(network, now.plus(settings.passDuration()));
        return count(new GreylistDecision.Pass(), "passed");
    }

    private GreylistDecision count(GreylistDecision decision, String result) {
        Counter.builder("courriel.spam.greylist").description("Greylisting decisions at end of data, by result")
                .tag("result", result).register(meters).increment();
        return decision;
    }
}
