package org.courriel.mta.relay.tls;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code _mta-sts.<domain>} TXT record (RFC 8461 §3.1): {@code v=STSv1; id=20160831085700Z;}. Only its
 * id matters to a sender: a new id says the policy changed and must be fetched again.
 *
 * @param id the policy id, 1 to 32 letters and digits
 */
public record MtaStsRecord(String id) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,32}");

    /**
     * The one record among a name's TXT strings. RFC 8461 §3.1: strings not starting with {@code v=STSv1} are
     * other records; if the number of STS records is not one, or it is malformed, the domain has no policy.
     */
    public static Optional<MtaStsRecord> select(List<String> txt) {
        List<String> sts = txt.stream().filter(t -> t.startsWith("v=STSv1")).toList();
        return sts.size() == 1 ? parse(sts.get(0)) : Optional.empty();
    }

    /** One record's text; empty when malformed (no version first, no valid id). */
    public static Optional<MtaStsRecord> parse(String text) {
        String[] fields = text.split(";", -1);
        String id = null;
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i].strip();
            if (field.isEmpty() && i == fields.length - 1) {
                break; // the optional final ';'
            }
            int eq = field.indexOf('=');
            if (eq <= 0) {
                return Optional.empty();
            }
            String name = field.substring(0, eq).strip();
            String value = field.substring(eq + 1).strip();
            if (i == 0) {
                if (!name.equals("v") || !value.equals("STSv1")) { // §3.1: v MUST be the first field
                    return Optional.empty();
                }
            } else if (name.equals("id") && id == null) {
                if (!ID.matcher(value).matches()) {
                    return Optional.empty();
                }
                id = value;
            } // §3.1: other fields are extensions, ignored
        }
        return id == null ? Optional.empty() : Optional.of(new MtaStsRecord(id));
    }
}
