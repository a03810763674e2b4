package org.courriel.api.account;

import java.util.ArrayList;
import java.util.List;

import org.courriel.api.ApiConfiguration;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AddressOwnership;
import org.courriel.store.account.AliasService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The authenticated account itself. */
@RestController
@Tag(name = "Account", description = "The authenticated account")
@SecurityRequirement(name = ApiConfiguration.BASIC_AUTH)
public class AccountController {

    /** The caller's account as it sees itself. */
    @Schema(description = "The authenticated account")
    public record Me(
            @Schema(example = "bob@example.org") String address,
            @Schema(example = "Bob Martin", nullable = true) String displayName,
            @Schema(description = "Quota in bytes; 0 is none") long quotaBytes,
            @Schema(description = "Bytes used") long usedBytes,
            @Schema(description = "Whether the admin endpoints are open to it") boolean admin,
            @Schema(description = "Addresses it may send from: its own and its aliases") List<String> sendAs) {
    }

    private final AddressOwnership ownership;
    private final AliasService aliases;

    public AccountController(AddressOwnership ownership, AliasService aliases) {
        this.ownership = ownership;
        this.aliases = aliases;
    }

    @GetMapping(path = "/api/v1/account", produces = "application/json")
    @Operation(summary = "Who am I", description = "The account, its quota and the addresses it may send from.")
    public Me me(@AuthenticationPrincipal AccountInfo me) {
        return new Me(me.address(), me.displayName(), me.quotaBytes(), me.usedBytes(), me.admin(), sendAs(me));
    }

    /** The account's address, then the aliases (not catch-alls) it owns, by address. */
    private List<String> sendAs(AccountInfo me) {
        List<String> addresses = new ArrayList<>();
        addresses.add(me.address());
        for (String alias : aliases.list().keySet()) {
            if (!alias.startsWith("@") && ownership.owns(me.id(), alias)) {
                addresses.add(alias);
            }
        }
        return List.copyOf(addresses);
    }
}
