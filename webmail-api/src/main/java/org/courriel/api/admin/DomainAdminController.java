package org.courriel.api.admin;

import java.net.URI;
import java.util.List;

import org.courriel.api.ApiConfiguration;
import org.courriel.api.problem.ApiException;
import org.courriel.store.account.DomainService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The local domains (admin role). */
@RestController
@RequestMapping(path = "/api/v1/admin/domains", produces = "application/json")
@Tag(name = "Admin", description = "Domains, accounts, aliases and the outbound queue; administrators only (403 "
        + "otherwise)")
@SecurityRequirement(name = ApiConfiguration.BASIC_AUTH)
public class DomainAdminController {

    private final DomainService domains;

    public DomainAdminController(DomainService domains) {
        this.domains = domains;
    }

    @GetMapping
    @Operation(summary = "List the local domains")
    public List<String> list() {
        return domains.list();
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Add a local domain", description = "409 when it exists already.")
    public ResponseEntity<AdminViews.DomainRequest> add(@RequestBody AdminViews.DomainRequest request) {
        if (request.name() == null) {
            throw ApiException.invalid("name", "a domain name is required");
        }
        String name = domains.add(request.name());
        return ResponseEntity.created(URI.create("/api/v1/admin/domains/" + name)).body(new AdminViews.DomainRequest(name));
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "Remove a domain", description = "409 while it still has accounts or aliases.")
    public ResponseEntity<Void> remove(@PathVariable String name) {
        domains.remove(name);
        return ResponseEntity.noContent().build();
    }
}
