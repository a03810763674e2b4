package org.courriel.api.admin;

import java.net.URI;
import java.util.List;

import org.courriel.api.ApiConfiguration;
import org.courriel.api.problem.ApiException;
import org.courriel.api.problem.ProblemType;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Accounts: create, change (password, quota, enabled, admin role), delete (admin role). */
@RestController
@RequestMapping(path = "/api/v1/admin/accounts", produces = "application/json")
@Tag(name = "Admin")
@SecurityRequirement(name = ApiConfiguration.BASIC_AUTH)
public class AccountAdminController {

    private final AccountService accounts;

    public AccountAdminController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "List the accounts")
    public List<AdminViews.AccountView> list() {
        return accounts.list().stream().map(AdminViews.AccountView::of).toList();
    }

    @GetMapping("/{address}")
    @Operation(summary = "Get one account")
    public AdminViews.AccountView get(@PathVariable String address) {
        return AdminViews.AccountView.of(find(address));
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Create an account", description = "With INBOX and the special-use mailboxes. 404 when the "
            + "domain is not local, 409 when the address is taken, 400 for a short password.")
    public ResponseEntity<AdminViews.AccountView> create(@RequestBody AdminViews.NewAccount request) {
        if (request.address() == null) {
            throw ApiException.invalid("address", "an address is required");
        }
        AccountInfo created = accounts.create(request.address(), request.password(), request.displayName(),
                request.quotaBytes() == null ? 0 : request.quotaBytes());
        if (Boolean.TRUE.equals(request.admin())) {
            accounts.setAdmin(created.address(), true);
            created = find(created.address());
        }
        return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + created.address()))
                .body(AdminViews.AccountView.of(created));
    }

    @PatchMapping(path = "/{address}", consumes = "application/json")
    @Operation(summary = "Change an account", description = "Password, display name, quota, enabled, admin role; "
            + "absent fields stay. An administrator cannot disable nor demote itself (409).")
    public AdminViews.AccountView change(@AuthenticationPrincipal AccountInfo me, @PathVariable String address,
            @RequestBody AdminViews.AccountChange change) {
        AccountInfo account = find(address);
        boolean self = account.id() == me.id();
        if (self && (Boolean.FALSE.equals(change.enabled()) || Boolean.FALSE.equals(change.admin()))) {
            throw new ApiException(ProblemType.CONFLICT, "an administrator cannot disable or demote itself");
        }
        if (change.password() != null) {
            accounts.setPassword(account.address(), change.password());
        }
        if (change.displayName() != null) {
            accounts.setDisplayName(account.address(), change.displayName());
        }
        if (change.quotaBytes() != null) {
            accounts.setQuota(account.address(), change.quotaBytes());
        }
        if (change.enabled() != null) {
            accounts.setEnabled(account.address(), change.enabled());
        }
        if (change.admin() != null) {
            accounts.setAdmin(account.address(), change.admin());
        }
        return AdminViews.AccountView.of(find(account.address()));
    }

    @DeleteMapping("/{address}")
    @Operation(summary = "Delete an account with all its mail", description = "409 for the caller's own account.")
    public ResponseEntity<Void> delete(@AuthenticationPrincipal AccountInfo me, @PathVariable String address) {
        AccountInfo account = find(address);
        if (account.id() == me.id()) {
            throw new ApiException(ProblemType.CONFLICT, "an administrator cannot delete its own account");
        }
        accounts.delete(account.address());
        return ResponseEntity.noContent().build();
    }

    private AccountInfo find(String address) {
        return accounts.find(address).orElseThrow(() -> ApiException.notFound("no account " + address));
    }
}
