package org.courriel.mta.dns;

import java.util.List;

/**
 * The answer to one DNS question: records found, a name without such records, a
 * name that does not exist, or a failure worth retrying later.
 */
public record DnsAnswer<T>(Status status, List<T> records, String error) {

    public enum Status {
        /** Records found. */
        FOUND,
        /** The name exists but has no record of this type (NOERROR, empty answer). */
        NO_DATA,
        /** The name does not exist (NXDOMAIN). */
        NO_DOMAIN,
        /** SERVFAIL, timeout, no resolver: try again later. */
        TEMPORARY_FAILURE
    }

    public DnsAnswer {
        records = List.copyOf(records);
    }

    public static <T> DnsAnswer<T> found(List<T> records) {
        return records.isEmpty() ? new DnsAnswer<>(Status.NO_DATA, List.of(), null)
                : new DnsAnswer<>(Status.FOUND, records, null);
    }

    public static <T> DnsAnswer<T> of(Status status, String error) {
        return new DnsAnswer<>(status, List.of(), error);
    }
}
