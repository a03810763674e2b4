package org.courriel.deploy.cli.command;

import org.courriel.deploy.cli.Arguments;
import org.courriel.store.account.AccountInfo;

/** An account as {@code --json} prints it: the fields of the REST API's account view. */
public record AccountView(String address, String displayName, long quotaBytes, long usedBytes, boolean enabled,
        boolean admin) {

    static AccountView of(AccountInfo a) {
        return new AccountView(a.address(), a.displayName(), a.quotaBytes(), a.usedBytes(), a.enabled(), a.admin());
    }

    /** One line of {@code user list}. */
    String line() {
        return address + (enabled ? "" : " (disabled)") + (admin ? " (admin)" : "")
                + " quota=" + (quotaBytes == 0 ? "none" : Arguments.size(quotaBytes)) + " used=" + Arguments.size(usedBytes);
    }
}
