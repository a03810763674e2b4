package org.courriel.managesieve;

import java.net.InetAddress;
import java.util.Optional;

import org.courriel.access.auth.LoginResult;
import org.courriel.access.auth.LoginService;
import org.courriel.sieve.SieveLimits;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.sieve.SieveScriptService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** What every ManageSieve session shares: settings, the script store, logins (throttled like IMAP), metrics. */
@Component
@EnableConfigurationProperties(ManageSieveProperties.class)
class ManageSieveContext {

    private final ManageSieveProperties properties;
    private final SieveScriptService scripts;
    private final LoginService logins;
    private final ManageSieveMetrics metrics;
    private final int maxRedirects;

    ManageSieveContext(ManageSieveProperties properties, SieveScriptService scripts, LoginService logins,
            ManageSieveMetrics metrics,
            @Value("${courriel.sieve.execution.max-redirects:" + SieveLimits.DEFAULT_MAX_REDIRECTS + "}") int maxRedirects) {
        this.properties = properties;
        this.scripts = scripts;
        this.logins = logins;
        this.metrics = metrics;
        this.maxRedirects = maxRedirects;
    }

    ManageSieveProperties properties() {
        return properties;
    }

    SieveScriptService scripts() {
        return scripts;
    }

    ManageSieveMetrics metrics() {
        return metrics;
    }

    int maxRedirects() {
        return maxRedirects;
    }

    /** The account for these credentials; empty on a failure or while throttled (the client learns nothing). */
    Optional<AccountInfo> login(InetAddress peer, String user, String password) {
        LoginResult result = logins.login("managesieve", peer, user, password);
        metrics.login(result instanceof LoginResult.Success);
        return result instanceof LoginResult.Success s ? Optional.of(s.account()) : Optional.empty();
    }
}
