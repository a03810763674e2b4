package org.courriel.imap.command;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.courriel.imap.command.SearchCommand.ReturnOption;
import org.courriel.imap.protocol.ImapString;
import org.courriel.imap.protocol.PartialRange;

/**
 * The ESEARCH response SEARCH and SORT send for RETURN options: {@code ESEARCH (TAG "t") [UID] MIN n MAX n ALL
 * list PARTIAL (range list) COUNT n MODSEQ n} (RFC 4731 §3.1, RFC 5267 §3.2, RFC 9394 §3.1, RFC 7162 §3.1.5).
 * They differ only in how a list of numbers is written: SEARCH as a sequence set, SORT comma-separated in
 * sort order (a range would lose the order).
 */
final class EsearchResponse {

    private EsearchResponse() {
    }

    static String of(String tag, boolean byUid, Set<ReturnOption> options, PartialRange partial, List<Long> numbers,
            long modseq, Function<List<Long>, String> list) {
        StringBuilder sb = new StringBuilder("ESEARCH (TAG ");
        ImapString.string(sb, tag, false);
        sb.append(')');
        if (byUid) {
            sb.append(" UID");
        }
        if (!numbers.isEmpty()) {
            if (options.contains(ReturnOption.MIN)) {
                sb.append(" MIN ").append(numbers.get(0));
            }
            if (options.contains(ReturnOption.MAX)) {
                sb.append(" MAX ").append(numbers.get(numbers.size() - 1));
            }
            if (options.contains(ReturnOption.ALL)) {
                sb.append(" ALL ").append(list.apply(numbers));
            }
        }
        if (partial != null) {
            // RFC 9394 §3.1: PARTIAL (range set), NIL when no message is in the range
            List<Long> part = partial.of(numbers);
            sb.append(" PARTIAL (").append(partial).append(' ').append(part.isEmpty() ? "NIL" : list.apply(part))
                    .append(')');
        }
        if (options.contains(ReturnOption.COUNT)) {
            sb.append(" COUNT ").append(numbers.size());
        }
        if (modseq > 0 && !numbers.isEmpty()) {
            sb.append(" MODSEQ ").append(modseq);
        }
        return sb.toString();
    }
}
