package org.courriel.api.admin;

import java.util.List;

import org.courriel.store.account.AccountInfo;

import io.swagger.v3.oas.annotations.media.Schema;

/** The request and response bodies of the admin endpoints. */
final class AdminViews {

    private AdminViews() {
    }

    @Schema(description = "A domain this server receives mail for")
    record DomainRequest(@Schema(description = "Domain name; IDNs are stored in ASCII", example = "example.org") String name) {
    }

    @Schema(description = "An account")
    record AccountView(
            @Schema(example = "bob@example.org") String address,
            @Schema(example = "Bob Martin", nullable = true) String displayName,
            @Schema(description = "Quota in bytes; 0 is none", example = "1073741824") long quotaBytes,
            @Schema(description = "Bytes used by the account's messages", example = "52428800") long usedBytes,
            @Schema(description = "A disabled account cannot log in and receives no mail") boolean enabled,
            @Schema(description = "Administrators manage domains, accounts and aliases") boolean admin) {

        static AccountView of(AccountInfo a) {
            return new AccountView(a.address(), a.displayName(), a.quotaBytes(), a.usedBytes(), a.enabled(), a.admin());
        }
    }

    @Schema(description = "An account to create")
    record NewAccount(
            @Schema(example = "bob@example.org") String address,
            @Schema(description = "At least 8 characters", example = "correct horse battery") String password,
            @Schema(example = "Bob Martin", nullable = true) String displayName,
            @Schema(description = "Quota in bytes; 0 or absent is none", example = "1073741824", nullable = true)
            Long quotaBytes,
            @Schema(description = "Make the account an administrator", nullable = true) Boolean admin) {
    }

    @Schema(description = "Changes to an account; absent fields stay as they are")
    record AccountChange(
            @Schema(description = "New password, at least 8 characters", nullable = true) String password,
            @Schema(nullable = true) String displayName,
            @Schema(description = "Quota in bytes; 0 is none", nullable = true) Long quotaBytes,
            @Schema(description = "Enable or disable the account", nullable = true) Boolean enabled,
            @Schema(description = "Grant or withdraw the admin role", nullable = true) Boolean admin) {
    }

    @Schema(description = "An alias: mail to its address goes to its targets; @domain is the domain's catch-all")
    record AliasView(
            @Schema(example = "sales@example.org") String address,
            @Schema(example = "[\"bob@example.org\", \"alice@example.com\"]") List<String> targets) {
    }
}
