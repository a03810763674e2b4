package org.courriel.api.mtasts;

import java.util.Locale;

import org.courriel.access.ServerProperties;
import org.courriel.mta.auth.records.DomainRecords;
import org.courriel.mta.auth.records.MtaStsProperties;
import org.courriel.store.StoreException;
import org.courriel.store.account.DomainService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The MTA-STS policy (RFC 8461 §3.3), public, for {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}:
 * the Host says which domain asks, and only a domain hosted here gets a policy (404 otherwise).
 */
@RestController
@Tag(name = "MTA-STS", description = "The policy file senders fetch before delivering to the domains hosted here")
public class MtaStsPolicyController {

    /** RFC 8461 §3.3. */
    public static final String PATH = "/.well-known/mta-sts.txt";
    private static final String PREFIX = "mta-sts.";

    private final DomainService domains;
    private final ServerProperties server;
    private final MtaStsProperties sts;

    public MtaStsPolicyController(DomainService domains, ServerProperties server, MtaStsProperties sts) {
        this.domains = domains;
        this.server = server;
        this.sts = sts;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The MTA-STS policy of the domain named by the Host (mta-sts.<domain>)")
    @SecurityRequirements // public: senders fetch it without credentials
    public ResponseEntity<String> policy(@RequestHeader(name = "Host", required = false) String host) {
        String domain = domain(host);
        if (domain == null || !domains.isLocal(domain) || sts.mode().equals("none")) {
            throw StoreException.notFound("MTA-STS policy for " + host);
        }
        // RFC 8461 §3.2: media type text/plain; the policy's lines end with CRLF.
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .body(DomainRecords.mtaStsPolicy(server.hostname(), sts));
    }

    /** The domain of {@code mta-sts.<domain>[:port]}, lower case, or null. */
    static String domain(String host) {
        if (host == null) {
            return null;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(']') < colon) {
            h = h.substring(0, colon);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.startsWith(PREFIX) && h.length() > PREFIX.length() ? h.substring(PREFIX.length()) : null;
    }
}
