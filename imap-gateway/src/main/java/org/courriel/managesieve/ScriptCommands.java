package org.courriel.managesieve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.courriel.managesieve.protocol.Request;
import org.courriel.managesieve.protocol.ResponseCode;
import org.courriel.managesieve.protocol.ResponseWriter;
import org.courriel.sieve.SieveScript;
import org.courriel.sieve.SieveSyntaxException;
import org.courriel.store.sieve.SieveScriptInfo;
import org.courriel.store.sieve.SieveScriptService;

/**
 * The commands on an authenticated account's scripts (RFC 5804 §2.3-§2.11): each checks its arguments and
 * calls the store; the store's refusals come back as {@link org.courriel.store.StoreException}s, which the
 * session maps to response codes in one place.
 */
final class ScriptCommands {

    private static final Set<String> NAMES = Set.of("HAVESPACE", "PUTSCRIPT", "LISTSCRIPTS", "SETACTIVE",
            "GETSCRIPT", "DELETESCRIPT", "RENAMESCRIPT", "CHECKSCRIPT");

    private final SieveScriptService scripts;
    private final long accountId;
    private final ResponseWriter out;

    ScriptCommands(SieveScriptService scripts, long accountId, ResponseWriter out) {
        this.scripts = scripts;
        this.accountId = accountId;
        this.out = out;
    }

    static boolean handles(String command) {
        return NAMES.contains(command);
    }

    void execute(Request r) throws IOException {
        switch (r.command()) {
            case "HAVESPACE" -> {
                if (arguments(r, 2)) {
                    long size;
                    try {
                        size = Long.parseLong(r.argument(1));
                    } catch (NumberFormatException e) {
                        out.no(null, "HAVESPACE expects a number");
                        return;
                    }
                    scripts.checkSpace(accountId, r.argument(0), size);
                    out.ok("Putscript would succeed");
                }
            }
            case "PUTSCRIPT" -> {
                if (arguments(r, 2) && compiles(r.argument(1))) {
                    scripts.put(accountId, r.argument(0), r.argument(1));
                    out.ok("Script stored");
                }
            }
            case "CHECKSCRIPT" -> {
                if (arguments(r, 1) && size(r.argument(0)) && compiles(r.argument(0))) {
                    out.ok("Script is valid");
                }
            }
            case "LISTSCRIPTS" -> {
                if (arguments(r, 0)) {
                    for (SieveScriptInfo s : scripts.list(accountId)) {
                        out.line(ResponseWriter.string(s.name()) + (s.active() ? " ACTIVE" : ""));
                    }
                    out.ok("Listscripts completed");
                }
            }
            case "SETACTIVE" -> {
                if (arguments(r, 1)) {
                    scripts.setActive(accountId, r.argument(0));
                    out.ok(r.argument(0).isEmpty() ? "No script active" : "Script activated");
                }
            }
            case "GETSCRIPT" -> {
                if (arguments(r, 1)) {
                    Optional<String> script = scripts.get(accountId, r.argument(0));
                    if (script.isEmpty()) {
                        out.no(ResponseCode.NONEXISTENT, "No such script");
                        return;
                    }
                    // RFC 5804 §2.9: the script as a literal, then OK.
                    String s = script.get();
                    out.line("{" + s.getBytes(StandardCharsets.UTF_8).length + "}");
                    out.line(s);
                    out.ok("Getscript completed");
                }
            }
            case "DELETESCRIPT" -> {
                if (arguments(r, 1)) {
                    scripts.delete(accountId, r.argument(0));
                    out.ok("Script deleted");
                }
            }
            case "RENAMESCRIPT" -> {
                if (arguments(r, 2)) {
                    scripts.rename(accountId, r.argument(0), r.argument(1));
                    out.ok("Script renamed");
                }
            }
            default -> out.no(null, "Unknown command");
        }
    }

    private boolean arguments(Request r, int count) throws IOException {
        if (r.size() != count) {
            out.no(null, r.command() + " takes " + count + " argument" + (count == 1 ? "" : "s"));
            return false;
        }
        return true;
    }

    private boolean size(String script) throws IOException {
        if (script.getBytes(StandardCharsets.UTF_8).length > scripts.limits().maxScriptSize().toBytes()) {
            out.no(ResponseCode.QUOTA_MAXSIZE, "Script too large");
            return false;
        }
        return true;
    }

    // RFC 5804 §2.6: an invalid script is refused with NO and a human-readable reason naming the line.
    private boolean compiles(String script) throws IOException {
        try {
            SieveScript.compile(script);
            return true;
        } catch (SieveSyntaxException e) {
            out.no(null, e.getMessage());
            return false;
        }
    }
}
