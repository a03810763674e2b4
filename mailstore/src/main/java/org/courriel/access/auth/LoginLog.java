package org.courriel.access.auth;

import java.net.InetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail log's line for each failed or throttled login, whatever the protocol, in the one format that
 * {@code deploy/fail2ban/filter.d/courriel.conf} matches:
 * <pre>
 * login failed: protocol=imap, client=[192.0.2.7], account=&lt;bob@example.org&gt;
 * login throttled: protocol=smtp, client=[192.0.2.7], account=&lt;bob@example.org&gt;
 * </pre>
 * The account is what the client sent, cleaned of control characters, {@code <}, {@code >} and bounded, so that
 * no client can forge a line or make the filter match another address than its own.
 */
final class LoginLog {

    /** The mail log's logger (as org.courriel.mta.maillog.MailLog's, which this module cannot see). */
    static final String LOGGER = "courriel.maillog";
    static final int MAX_ACCOUNT = 100;

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private LoginLog() {
    }

    static void failed(String protocol, InetAddress client, String account) {
        log.info("login failed: protocol={}, client=[{}], account=<{}>", protocol, client.getHostAddress(), clean(account));
    }

    static void throttled(String protocol, InetAddress client, String account) {
        log.info("login throttled: protocol={}, client=[{}], account=<{}>", protocol, client.getHostAddress(),
                clean(account));
    }

    static String clean(String account) {
        if (account == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < account.length() && out.length() < MAX_ACCOUNT; i++) {
            char c = account.charAt(i);
            out.append(Character.isISOControl(c) || c == '<' || c == '>' || Character.isWhitespace(c) ? '?' : c);
        }
        return out.toString();
    }
}
