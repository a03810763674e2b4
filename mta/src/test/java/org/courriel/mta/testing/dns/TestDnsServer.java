package org.courriel.mta.testing.dns;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * A DNS server on 127.0.0.1 (UDP and TCP on one ephemeral port) that answers like a recursive resolver from
 * test zones given as master-file text (RFC 1035 §5), so that tests point {@code courriel.dns.servers} at
 * {@link #address()} and never touch a real DNS. A UDP answer longer than the client's buffer is truncated
 * (TC), and the client asks again over TCP (RFC 7766). {@link #mode} makes it fail: SERVFAIL or no answer.
 * <pre>
 * try (TestDnsServer dns = TestDnsServer.start()) {
 *     dns.zone("example.org", """
 *         @    TXT "v=spf1 ip4:127.0.0.1 -all"
 *         mail A   127.0.0.1
 *         """);
 * </pre>
 */
public final class TestDnsServer implements AutoCloseable {

    /** How the server answers. */
    public enum Mode {
        /** From the zones. */
        ANSWER,
        /** SERVFAIL to every question. */
        SERVFAIL,
        /** Nothing at all: the client times out. */
        SILENT
    }

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<Name, Zone> zones = new ConcurrentHashMap<>();
    private final AtomicInteger queries = new AtomicInteger();
    private volatile Mode mode = Mode.ANSWER;
    private volatile boolean closed;

    private TestDnsServer(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        Thread.ofVirtual().name("test-dns-udp").start(this::serveUdp);
        Thread.ofVirtual().name("test-dns-tcp").start(this::serveTcp);
    }

    /** Binds UDP and TCP to one free port of 127.0.0.1. */
    public static TestDnsServer start() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; ; attempt++) {
            DatagramSocket udp = null;
            try {
                udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
                ServerSocket tcp = new ServerSocket();
                tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()));
                return new TestDnsServer(udp, tcp);
            } catch (BindException e) {
                udp.close(); // the TCP port was taken: another UDP port
                if (attempt > 20) {
                    throw new UncheckedIOException(e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code 127.0.0.1:port}, the value of {@code courriel.dns.servers}. */
    public String address() {
        return "127.0.0.1:" + udp.getLocalPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** How many questions arrived so far (over UDP and TCP). */
    public int queries() {
        return queries.get();
    }

    /**
     * Serves (or replaces) the zone {@code origin} from master-file text; names are relative to the origin,
     * the default TTL is 300 s, and a SOA and NS are made up when the text has none.
     */
    public TestDnsServer zone(String origin, String masterFile) {
        Name name = Name.fromConstantString(origin.endsWith(".") ? origin : origin + ".");
        String text = "$ORIGIN " + name + "\n$TTL 300\n" + masterFile;
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, 300)) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("bad zone " + origin + ": " + e.getMessage(), e);
        }
        if (records.stream().noneMatch(r -> r.getType() == Type.SOA && r.getName().equals(name))) {
            records.addAll(0, parse(name, "@ SOA ns hostmaster 1 3600 600 86400 60\n@ NS ns\n"));
        }
        try {
            zones.put(name, new Zone(name, records.toArray(Record[]::new)));
        } catch (IOException e) {
            throw new IllegalArgumentException("bad zone " + origin + ": " + e.getMessage(), e);
        }
        return this;
    }

    /**
     * Serves the zone {@code origin} signed (RFC 4034): a fresh ECDSA P-256 key (algorithm 13) as its DNSKEY and
     * an RRSIG over every RRset, valid from an hour ago for a day. Returns the DNSKEY record in master-file form,
     * the trust anchor a validating resolver needs for this zone. Negative answers carry no NSEC proof, so a
     * validator finds them bogus.
     */
    public String signedZone(String origin, String masterFile) {
        Name name = Name.fromConstantString(origin.endsWith(".") ? origin : origin + ".");
        zone(origin, masterFile);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            DNSKEYRecord dnskey = new DNSKEYRecord(name, DClass.IN, 300, DNSKEYRecord.Flags.ZONE_KEY
                    | DNSKEYRecord.Flags.SEP_KEY, DNSKEYRecord.Protocol.DNSSEC, DNSSEC.Algorithm.ECDSAP256SHA256,
                    keys.getPublic());
            List<Record> records = new ArrayList<>();
            Zone unsigned = zones.get(name);
            List<RRset> sets = new ArrayList<>();
            unsigned.iterator().forEachRemaining(sets::add);
            sets.add(new RRset(dnskey));
            Instant now = Instant.now();
            for (RRset set : sets) {
                records.addAll(set.rrs(false));
                records.add(DNSSEC.sign(set, dnskey, keys.getPrivate(), now.minus(Duration.ofHours(1)),
                        now.plus(Duration.ofDays(1))));
            }
            // the SOA first, as a Zone wants it
            records.sort((a, b) -> Boolean.compare(a.getType() != Type.SOA, b.getType() != Type.SOA));
            zones.put(name, new Zone(name, records.toArray(Record[]::new)));
            return dnskey.toString();
        } catch (IOException | GeneralSecurityException | DNSSEC.DNSSECException e) {
            throw new IllegalStateException("cannot sign zone " + origin, e);
        }
    }

    private static List<Record> parse(Name origin, String text) {
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), origin, 60)) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    /** The answer to one query message, as a recursive resolver gives it; null to stay silent. */
    Message answer(Message query) {
        queries.incrementAndGet();
        Mode now = mode;
        if (now == Mode.SILENT) {
            return null;
        }
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        Record question = query.getQuestion();
        if (question == null) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return response;
        }
        response.addRecord(question, Section.QUESTION);
        if (now == Mode.SERVFAIL) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
            return response;
        }
        Name name = question.getName();
        for (int hops = 0; hops < 8; hops++) {
            Zone zone = zoneOf(name);
            if (zone == null) {
                response.getHeader().setRcode(Rcode.NXDOMAIN);
                return response;
            }
            SetResponse found = zone.findRecords(name, question.getType());
            if (found.isSuccessful()) {
                for (RRset set : found.answers()) {
                    set.rrs(false).forEach(r -> response.addRecord(r, Section.ANSWER));
                    set.sigs().forEach(r -> response.addRecord(r, Section.ANSWER)); // signed zones only
                }
                return response;
            }
            if (found.isCNAME()) {
                CNAMERecord cname = found.getCNAME();
                response.addRecord(cname, Section.ANSWER);
                name = cname.getTarget();
                continue;
            }
            if (found.isNXDOMAIN()) {
                response.getHeader().setRcode(Rcode.NXDOMAIN);
            }
            // NXRRSET and NXDOMAIN carry the SOA for negative caching (RFC 2308 §3)
            response.addRecord(zone.getSOA(), Section.AUTHORITY);
            return response;
        }
        response.getHeader().setRcode(Rcode.SERVFAIL); // a CNAME loop
        return response;
    }

    private Zone zoneOf(Name name) {
        for (Name n = name; n.labels() > 0; n = new Name(n, 1)) {
            Zone zone = zones.get(n);
            if (zone != null) {
                return zone;
            }
            if (n.equals(Name.root)) {
                break;
            }
        }
        return null;
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Message response = answer(query);
                if (response == null) {
                    continue;
                }
                OPTRecord opt = query.getOPT();
                int max = opt == null ? 512 : Math.max(512, opt.getPayloadSize());
                byte[] wire = response.toWire(max); // sets TC when the answer does not fit
                udp.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                // a malformed query: ignore it, as a server would
            }
        }
    }

    private void serveTcp() {
        while (!closed) {
            try {
                Socket s = tcp.accept();
                Thread.ofVirtual().name("test-dns-tcp-connection").start(() -> serveTcp(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serveTcp(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (!closed) {
                byte[] wire = new byte[in.readUnsignedShort()];
                in.readFully(wire);
                Message response = answer(new Message(wire));
                if (response == null) {
                    continue;
                }
                byte[] answer = response.toWire();
                out.writeShort(answer.length);
                out.write(answer);
                out.flush();
            }
        } catch (IOException e) {
            // the client closed the connection
        }
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
