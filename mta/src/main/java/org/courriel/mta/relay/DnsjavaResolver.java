package org.courriel.mta.relay;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** Asks the system's resolvers through dnsjava. */
public class DnsjavaResolver implements DnsResolver {

    @Override
    public DnsAnswer<MxRecord> mx(String domain) {
        Lookup lookup;
        try {
            lookup = new Lookup(absolute(domain), Type.MX);
        } catch (TextParseException e) {
            return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "not a domain name: " + domain);
        }
        Record[] records = lookup.run();
        DnsAnswer.Status status = status(lookup.getResult());
        if (status != DnsAnswer.Status.FOUND) {
            return DnsAnswer.of(status, lookup.getErrorString());
        }
        List<MxRecord> mx = new ArrayList<>();
        for (Record r : records) {
            if (r instanceof MXRecord m) {
                Name target = m.getTarget();
                String exchange = target.equals(Name.root) ? "." : target.toString(true);
                mx.add(new MxRecord(m.getPriority(), exchange));
            }
        }
        return DnsAnswer.found(mx);
    }

    @Override
    public DnsAnswer<InetAddress> addresses(String host) {
        List<InetAddress> found = new ArrayList<>();
        DnsAnswer.Status worst = DnsAnswer.Status.NO_DATA;
        String error = null;
        for (int type : new int[] {Type.A, Type.AAAA}) {
            Lookup lookup;
            try {
                lookup = new Lookup(absolute(host), type);
            } catch (TextParseException e) {
                return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "not a host name: " + host);
            }
            Record[] records = lookup.run();
            DnsAnswer.Status status = status(lookup.getResult());
            if (status == DnsAnswer.Status.FOUND) {
                for (Record r : records) {
                    if (r instanceof ARecord a) {
                        found.add(a.getAddress());
                    } else if (r instanceof AAAARecord aaaa) {
                        found.add(aaaa.getAddress());
                    }
                }
            } else if (status == DnsAnswer.Status.TEMPORARY_FAILURE || worst == DnsAnswer.Status.NO_DATA) {
                worst = status;
                error = lookup.getErrorString();
            }
        }
        return found.isEmpty() ? DnsAnswer.of(worst, error) : DnsAnswer.found(found);
    }

    @Override
    public DnsAnswer<String> txt(String name) {
        Lookup lookup;
        try {
            lookup = new Lookup(absolute(name), Type.TXT);
        } catch (TextParseException e) {
            return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "not a domain name: " + name);
        }
        Record[] records = lookup.run();
        DnsAnswer.Status status = status(lookup.getResult());
        if (status != DnsAnswer.Status.FOUND) {
            return DnsAnswer.of(status, lookup.getErrorString());
        }
        List<String> texts = new ArrayList<>();
        for (Record r : records) {
            if (r instanceof TXTRecord t) {
                texts.add(String.join("", t.getStrings()));
            }
        }
        return DnsAnswer.found(texts);
    }

    private static Name absolute(String name) throws TextParseException {
        return Name.fromString(name.endsWith(".") ? name : name + ".");
    }

    private static DnsAnswer.Status status(int result) {
        return switch (result) {
            case Lookup.SUCCESSFUL -> DnsAnswer.Status.FOUND;
            case Lookup.HOST_NOT_FOUND -> DnsAnswer.Status.NO_DOMAIN;
            case Lookup.TYPE_NOT_FOUND -> DnsAnswer.Status.NO_DATA;
            default -> DnsAnswer.Status.TEMPORARY_FAILURE; // TRY_AGAIN, UNRECOVERABLE (no server answered)
        };
    }
}
