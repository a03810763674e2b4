package org.courriel.api.admin;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.courriel.access.ServerProperties;
import org.courriel.api.ApiConfiguration;
import org.courriel.mta.auth.dkim.DkimKeyActivation;
import org.courriel.mta.auth.records.DnsRecord;
import org.courriel.mta.auth.records.DomainRecords;
import org.courriel.mta.auth.records.MtaStsProperties;
import org.courriel.store.StoreException;
import org.courriel.store.account.DomainService;
import org.courriel.store.dkim.DkimAlgorithm;
import org.courriel.store.dkim.DkimKey;
import org.courriel.store.dkim.DkimKeyService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** DKIM keys of the local domains and the DNS records each domain needs (admin role), as the command line. */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = "application/json")
@Tag(name = "Admin")
@SecurityRequirement(name = ApiConfiguration.BASIC_AUTH)
public class DkimAdminController {

    private final DkimKeyService keys;
    private final DkimKeyActivation activation;
    private final DomainService domains;
    private final ServerProperties server;
    private final MtaStsProperties sts;

    public DkimAdminController(DkimKeyService keys, DkimKeyActivation activation, DomainService domains,
            ServerProperties server, MtaStsProperties sts) {
        this.keys = keys;
        this.activation = activation;
        this.domains = domains;
        this.server = server;
        this.sts = sts;
    }

    @GetMapping("/dkim")
    @Operation(summary = "List every DKIM key")
    public List<DkimViews.KeyView> list() {
        return keys.list().stream().map(DkimViews.KeyView::of).toList();
    }

    @GetMapping("/dkim/{domain}")
    @Operation(summary = "List a domain's DKIM keys", description = "404 for a domain not hosted here.")
    public List<DkimViews.KeyView> list(@PathVariable String domain) {
        return keys.list(domain).stream().map(DkimViews.KeyView::of).toList();
    }

    @PostMapping(path = "/dkim/{domain}", consumes = "application/json")
    @Operation(summary = "Make a pending DKIM key", description = "The response carries the TXT record to publish "
            + "before activating it. 409 when the selector exists, 400 for a bad selector or algorithm.")
    public ResponseEntity<DkimViews.KeyView> add(@PathVariable String domain, @RequestBody DkimViews.NewKey request) {
        DkimAlgorithm algorithm = request.algorithm() == null ? DkimAlgorithm.RSA_SHA256
                : DkimAlgorithm.of(request.algorithm());
        DkimKey key = keys.add(domain, request.selector(), algorithm);
        return ResponseEntity.created(URI.create("/api/v1/admin/dkim/" + key.domain() + "/" + key.selector()))
                .body(DkimViews.KeyView.of(key));
    }

    @PostMapping("/dkim/{domain}/{selector}/activate")
    @Operation(summary = "Let a key sign", description = "Looks the key's TXT record up first; 409 when it is not "
            + "published (or DNS failed), unless force=true.")
    public DkimViews.KeyView activate(@PathVariable String domain, @PathVariable String selector,
            @RequestParam(defaultValue = "false") boolean force) {
        return DkimViews.KeyView.of(activation.activate(domain, selector, force));
    }

    @PostMapping("/dkim/{domain}/{selector}/retire")
    @Operation(summary = "Stop a key signing", description = "Keep its record published a few days afterwards.")
    public DkimViews.KeyView retire(@PathVariable String domain, @PathVariable String selector) {
        return DkimViews.KeyView.of(keys.retire(domain, selector));
    }

    @GetMapping("/dns/{domain}")
    @Operation(summary = "The DNS records a domain needs", description = "MX, SPF, DKIM, DMARC, MTA-STS, TLS-RPT, "
            + "SRV (RFC 6186/8314) and autoconfig records, and the MTA-STS policy file. 404 for a domain not hosted "
            + "here.")
    public DkimViews.DomainRecordsView records(@PathVariable String domain) {
        if (!domains.isLocal(domain)) {
            throw StoreException.notFound("domain " + domain);
        }
        String d = domain.toLowerCase(Locale.ROOT);
        List<DnsRecord> records = DomainRecords.of(d, server.hostname(), keys.list(d), sts);
        return new DkimViews.DomainRecordsView(records, records.stream().map(DnsRecord::zoneLine).toList(),
                sts.mode().equals("none") ? null : DomainRecords.mtaStsPolicy(server.hostname(), sts));
    }
}
