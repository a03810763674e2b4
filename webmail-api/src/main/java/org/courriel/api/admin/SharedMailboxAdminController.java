package org.courriel.api.admin;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.courriel.api.ApiConfiguration;
import org.courriel.api.problem.ApiException;
import org.courriel.store.account.SharedMailboxes;
import org.courriel.store.account.SharedMailboxes.SharedMailbox;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Domain-shared mailboxes (admin role): an address such as info@example.org whose mail its readers find in
 * {@code Shared Folders/info}, with who may do what (RFC 4314 rights), as {@code courriel shared}.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/shared-mailboxes", produces = "application/json")
@Tag(name = "Admin")
@SecurityRequirement(name = ApiConfiguration.BASIC_AUTH)
public class SharedMailboxAdminController {

    /** A new shared mailbox: its address, an optional display name, and the grants (account or anyone to rights). */
    public record SharedMailboxRequest(
            @Schema(example = "info@example.org") String address,
            @Schema(example = "Info") String displayName,
            @Schema(description = "identifier (an account's address or anyone) to RFC 4314 rights letters",
                    example = "{\"alice@example.org\": \"lrswipte\"}") Map<String, String> grants,
            @Schema(description = "quota in bytes, as for a user's account; absent or 0: none", example = "2147483648")
            Long quotaBytes) {
    }

    /** The rights of one identifier: RFC 4314 letters; empty removes its grant. */
    public record GrantRequest(@Schema(example = "lrs") String rights) {
    }

    private final SharedMailboxes shared;

    public SharedMailboxAdminController(SharedMailboxes shared) {
        this.shared = shared;
    }

    @GetMapping
    @Operation(summary = "List the domain-shared mailboxes with their grants")
    public List<SharedMailbox> list() {
        return shared.list();
    }

    @GetMapping("/{address}")
    @Operation(summary = "One shared mailbox with its grants")
    public SharedMailbox get(@PathVariable String address) {
        return shared.get(address);
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Create a shared mailbox", description = "The address is in a local domain and is no "
            + "account or alias yet (409 otherwise); mail to it is delivered into the mailbox its readers see as "
            + "\"Shared Folders/<local part>\". Nobody logs in as it. Rights are the letters of RFC 4314 §2.1 "
            + "(400 for any other letter).")
    public ResponseEntity<SharedMailbox> add(@RequestBody SharedMailboxRequest request) {
        if (request == null || request.address() == null || request.address().isBlank()) {
            throw ApiException.invalid("address", "an address is required");
        }
        SharedMailbox created = shared.add(request.address(), request.displayName(),
                request.grants() == null ? Map.of() : request.grants(),
                request.quotaBytes() == null ? 0 : request.quotaBytes());
        return ResponseEntity.created(URI.create("/api/v1/admin/shared-mailboxes/" + created.address())).body(created);
    }

    @PutMapping(path = "/{address}/grants/{identifier}", consumes = "application/json")
    @Operation(summary = "Set the rights of one account (or anyone) on a shared mailbox; empty rights remove them")
    public SharedMailbox grant(@PathVariable String address, @PathVariable String identifier,
            @RequestBody GrantRequest request) {
        return shared.grant(address, identifier, request == null || request.rights() == null ? "" : request.rights());
    }

    @DeleteMapping("/{address}")
    @Operation(summary = "Delete a shared mailbox with its messages")
    public ResponseEntity<Void> remove(@PathVariable String address) {
        shared.delete(address);
        return ResponseEntity.noContent().build();
    }
}
