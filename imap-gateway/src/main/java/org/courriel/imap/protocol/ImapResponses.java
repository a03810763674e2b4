package org.courriel.imap.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageRecord;

/** Small pieces of response syntax shared by several commands (RFC 9051 §7). */
public final class ImapResponses {

    // RFC 9051 §9 date-time: "dd-MMM-yyyy HH:mm:ss +zzzz", day space-padded
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ImapResponses() {
    }

    /** A flag list, with \Recent for IMAP4rev1 sessions. */
    public static void flagList(StringBuilder out, Flags flags, boolean recent) {
        out.append('(');
        boolean first = true;
        for (String name : flags.names()) {
            if (!first) {
                out.append(' ');
            }
            out.append(name);
            first = false;
        }
        if (recent) {
            out.append(first ? "" : " ").append("\\Recent");
        }
        out.append(')');
    }

    /** {@code n FETCH (UID u FLAGS (...) MODSEQ (m))}: an unsolicited flags update (RFC 9051 §7.5.2, RFC 7162 §3.2.4). */
    public static String flagsFetch(int seq, MessageRecord r, boolean recent, boolean uid, boolean modseq) {
        return flagsFetch(seq, uid ? r.uid() : 0, r.flags(), r.modseq(), recent, modseq);
    }

    /** As {@link #flagsFetch(int, MessageRecord, boolean, boolean, boolean)} from the values; no UID when 0. */
    public static String flagsFetch(int seq, long uid, Flags flags, long modseq, boolean recent, boolean withModseq) {
        StringBuilder sb = new StringBuilder(64);
        sb.append(seq).append(" FETCH (");
        if (uid > 0) {
            sb.append("UID ").append(uid).append(' ');
        }
        sb.append("FLAGS ");
        flagList(sb, flags, recent);
        if (withModseq) {
            sb.append(" MODSEQ (").append(modseq).append(')');
        }
        return sb.append(')').toString();
    }

    public static String dateTime(Instant instant) {
        String s = DATE_TIME.format(instant);
        return s.charAt(0) == '0' ? " " + s.substring(1) : s;
    }
}
