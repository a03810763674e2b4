package org.courriel.mta.smtp.syntax;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courriel.mta.smtp.reply.Reply;

/** Parses {@code BDAT chunk-size [LAST]} (RFC 3030 §2). Pure: text in, a {@link BdatRequest} out. */
public final class BdatArguments {

    /** At most 18 digits: the size fits a long; RFC 3030 §2 puts no bound on it, the message size limit does. */
    private static final Pattern ARGUMENTS = Pattern.compile("([0-9]{1,18})(?: +(LAST))?", Pattern.CASE_INSENSITIVE);

    private BdatArguments() {
    }

    /** @throws SmtpSyntaxException closing the session: the chunk's length is unknown, the input cannot be followed */
    public static BdatRequest parse(String arguments) throws SmtpSyntaxException {
        Matcher m = ARGUMENTS.matcher(arguments);
        if (!m.matches()) {
            throw SmtpSyntaxException.closing(Reply.SYNTAX_ERROR, "BDAT needs a size and optionally LAST; closing");
        }
        return new BdatRequest(Long.parseLong(m.group(1)), m.group(2) != null);
    }
}
