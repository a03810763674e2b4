package org.courriel.api.admin;

import java.net.URI;
import java.util.List;

import org.courriel.api.ApiConfiguration;
import org.courriel.api.problem.ApiException;
import org.courriel.store.account.Addresses;
import org.courriel.store.account.AliasService;
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

/** Aliases and catch-alls (admin role). */
@RestController
@RequestMapping(path = "/api/v1/admin/aliases", produces = "application/json")
@Tag(name = "Admin")
@SecurityRequirement(name = ApiConfiguration.BASIC_AUTH)
public class AliasAdminController {

    private final AliasService aliases;

    public AliasAdminController(AliasService aliases) {
        this.aliases = aliases;
    }

    @GetMapping
    @Operation(summary = "List the aliases with their targets")
    public List<AdminViews.AliasView> list() {
        return aliases.list().entrySet().stream().map(e -> new AdminViews.AliasView(e.getKey(), e.getValue())).toList();
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Add an alias, or targets to an existing one", description = "The address is in a local "
            + "domain, or @domain for its catch-all; targets are local or external addresses. 409 when an account "
            + "has that address.")
    public ResponseEntity<AdminViews.AliasView> add(@RequestBody AdminViews.AliasView request) {
        if (request.address() == null) {
            throw ApiException.invalid("address", "an address is required");
        }
        if (request.targets() == null || request.targets().isEmpty()) {
            throw ApiException.invalid("targets", "at least one target is required");
        }
        aliases.add(request.address(), request.targets());
        String given = request.address().strip();
        String address = given.startsWith("@") ? "@" + Addresses.domain(given.substring(1)) : Addresses.address(given);
        return ResponseEntity.created(URI.create("/api/v1/admin/aliases/" + address))
                .body(new AdminViews.AliasView(address, aliases.list().getOrDefault(address, request.targets())));
    }

    @DeleteMapping("/{address}")
    @Operation(summary = "Remove an alias")
    public ResponseEntity<Void> remove(@PathVariable String address) {
        aliases.remove(address);
        return ResponseEntity.noContent().build();
    }
}
