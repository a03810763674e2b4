package org.courriel.managesieve;

import org.courriel.access.net.ServedSession;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.Optional;

import org.courriel.access.auth.SaslPlain;
import org.courriel.access.net.Connection;
import org.courriel.managesieve.protocol.ManageSieveSyntaxException;
import org.courriel.managesieve.protocol.Request;
import org.courriel.managesieve.protocol.RequestReader;
import org.courriel.managesieve.protocol.ResponseCode;
import org.courriel.managesieve.protocol.ResponseWriter;
import org.courriel.sieve.SieveScript;
import org.courriel.store.DatabaseUnavailable;
import org.courriel.store.StoreException;
import org.courriel.store.account.AccountInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ManageSieve connection (RFC 5804): capabilities, STARTTLS, AUTHENTICATE PLAIN, then the script commands
 * of {@link ScriptCommands}. Syntax errors and refusals are answered with NO; a bug with NO and an error log,
 * and the session lives on.
 */
final class ManageSieveSession implements ServedSession {

    private static final Logger log = LoggerFactory.getLogger(ManageSieveSession.class);

    private final Connection connection;
    private final ManageSieveContext context;
    private ResponseWriter out;
    private RequestReader in;
    private AccountInfo account;
    private volatile boolean stopping;

    ManageSieveSession(Connection connection, ManageSieveContext context) {
        this.connection = connection;
        this.context = context;
        streams();
    }

    private void streams() {
        out = new ResponseWriter(connection.out());
        in = new RequestReader(connection.lines(), context.properties().maxLineLength());
    }

    @Override
    public void shutdown() {
        stopping = true;
    }

    @Override
    public void run() throws IOException {
        try {
            capabilities();
            out.ok("Courriel ManageSieve ready");
            while (!stopping) {
                Request request;
                try {
                    request = in.read(literalLimit());
                } catch (ManageSieveSyntaxException e) {
                    if (e.fatal()) {
                        out.bye(e.getMessage());
                        return;
                    }
                    out.no(null, e.getMessage());
                    continue;
                }
                if (request == null) {
                    return;
                }
                if (!execute(request)) {
                    return;
                }
            }
            out.bye("Server shutting down");
        } catch (SocketTimeoutException e) {
            try {
                out.bye("Connection idle for too long");
            } catch (IOException ignored) {
                // the client is gone anyway
            }
        } catch (SocketException e) {
            log.debug("ManageSieve connection from {} ended: {}", connection.remoteAddress(), e.getMessage());
        }
    }

    private long literalLimit() {
        return account == null ? context.properties().preAuthMaxLiteralSize().toBytes()
                : context.scripts().limits().maxScriptSize().toBytes() + 1024;
    }

    /** @return false when the session ends */
    private boolean execute(Request r) throws IOException {
        try {
            switch (r.command()) {
                case "CAPABILITY" -> {
                    capabilities();
                    out.ok("Capability completed");
                }
                case "NOOP" -> {
                    if (r.size() == 1) {
                        out.okTagged(r.argument(0), "Done");
                    } else {
                        out.ok("Done");
                    }
                }
                case "LOGOUT" -> {
                    out.ok("Logout completed");
                    return false;
                }
                case "STARTTLS" -> startTls();
                case "AUTHENTICATE" -> authenticate(r);
                default -> {
                    if (account == null) {
                        out.no(null, ScriptCommands.handles(r.command()) ? "Authenticate first" : "Unknown command");
                    } else {
                        context.metrics().command(r.command());
                        new ScriptCommands(context.scripts(), account.id(), out).execute(r);
                    }
                }
            }
        } catch (StoreException e) {
            out.no(code(e), e.getMessage());
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.is(e)) {
                out.no(ResponseCode.TRYLATER, "The database is unavailable, try again later");
            } else {
                log.error("ManageSieve command {} failed", r.command(), e);
                out.no(null, "Internal error");
            }
        }
        return true;
    }

    static ResponseCode code(StoreException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> ResponseCode.NONEXISTENT;
            case ALREADY_EXISTS -> ResponseCode.ALREADYEXISTS;
            case OVER_QUOTA -> e.getMessage().contains("scripts") ? ResponseCode.QUOTA_MAXSCRIPTS
                    : ResponseCode.QUOTA_MAXSIZE;
            case NOT_ALLOWED -> ResponseCode.ACTIVE;
            case UNAVAILABLE, STORAGE_FULL -> ResponseCode.TRYLATER;
            case INVALID, NO_PERMISSION -> null;
        };
    }

    // RFC 5804 §1.7: sent at connection, after STARTTLS, and on CAPABILITY.
    private void capabilities() throws IOException {
        out.line("\"IMPLEMENTATION\" \"Courriel\"");
        if (mayAuthenticate()) {
            out.line("\"SASL\" \"PLAIN\"");
        } else {
            out.line("\"SASL\" \"\"");
        }
        out.line("\"SIEVE\" " + ResponseWriter.string(String.join(" ", SieveScript.EXTENSIONS)));
        if (connection.canStartTls() && account == null) {
            out.line("\"STARTTLS\"");
        }
        out.line("\"MAXREDIRECTS\" \"" + context.maxRedirects() + "\"");
        if (account != null) {
            out.line("\"OWNER\" " + ResponseWriter.string(account.address()));
        }
        out.line("\"VERSION\" \"1.0\"");
    }

    private boolean mayAuthenticate() {
        return connection.isSecure()
                || (context.properties().allowPlaintextLoopback() && connection.remoteAddress().isLoopbackAddress());
    }

    // RFC 5804 §2.2: OK, the handshake, then the capabilities again.
    private void startTls() throws IOException {
        if (!connection.canStartTls() || account != null) {
            out.no(null, "TLS is not available now");
            return;
        }
        out.ok("Begin TLS negotiation now");
        connection.startTls();
        streams();
        context.metrics().tls();
        capabilities();
        out.ok("TLS negotiation successful");
    }

    // RFC 5804 §2.1 with SASL PLAIN (RFC 4616).
    private void authenticate(Request r) throws IOException {
        if (account != null) {
            out.no(null, "Already authenticated");
            return;
        }
        if (!mayAuthenticate()) {
            out.no(ResponseCode.ENCRYPT_NEEDED, "Use STARTTLS first");
            return;
        }
        if (r.size() < 1 || r.size() > 2) {
            out.no(null, "AUTHENTICATE takes a mechanism and an optional initial response");
            return;
        }
        if (!r.argument(0).toUpperCase(Locale.ROOT).equals("PLAIN")) {
            out.no(null, "Unsupported mechanism");
            return;
        }
        String response;
        if (r.size() == 2) {
            response = r.argument(1);
        } else {
            out.line("\"\"");
            out.flush();
            try {
                response = in.saslResponse(literalLimit());
            } catch (ManageSieveSyntaxException e) {
                out.no(null, e.getMessage());
                return;
            }
            if (response == null) {
                return;
            }
            if (response.equals("*")) {
                out.no(null, "Authentication cancelled");
                return;
            }
        }
        SaslPlain.Credentials credentials;
        try {
            credentials = SaslPlain.decode(response);
        } catch (IllegalArgumentException e) {
            out.no(null, "Bad SASL PLAIN response");
            return;
        }
        if (credentials == null || (!credentials.authorizationId().isEmpty()
                && !credentials.authorizationId().equalsIgnoreCase(credentials.username()))) {
            out.no(null, "Authentication failed");
            return;
        }
        Optional<AccountInfo> found = context.login(connection.remoteAddress(), credentials.username(),
                credentials.password());
        if (found.isEmpty()) {
            out.no(null, "Authentication failed");
            return;
        }
        account = found.get();
        connection.setReadTimeout(context.properties().idleTimeout());
        out.ok("Authenticated");
    }
}
