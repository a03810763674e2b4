package org.courriel.mta.auth.records;

/**
 * What DNS says about one record {@code courriel dns} asks a domain to publish.
 *
 * @param name     the owner name asked
 * @param type     MX, TXT, SRV or CNAME
 * @param status   the verdict
 * @param expected the record as {@code courriel dns} prints it (its value)
 * @param detail   what was found, or why it is wrong, one line
 */
public record CheckedRecord(String name, String type, Status status, String expected, String detail) {

    /** The verdict on one record. */
    public enum Status {
        /** Published as needed. */
        OK,
        /** Nothing there. */
        MISSING,
        /** Something else there. */
        WRONG,
        /** DNS did not answer: try again. */
        DNS_FAILURE
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** One line: {@code ok      MX example.org: ...}. */
    public String line() {
        return String.format("%-11s %-5s %s: %s", status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                type, name, detail);
    }
}
