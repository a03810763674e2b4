package org.courriel.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * HTTP Basic credentials checked against the store's accounts ({@link AccountService#authenticate}), with a
 * short-lived {@link CredentialCache}. The principal is the caller's {@link AccountInfo}, read afresh on every
 * request so that a disabled account or a lost admin role applies at once, cache or not.
 * Used only by the API's own filter chain: it is deliberately not a bean, so no other module's security sees it.
 */
final class AccountAuthenticationProvider implements AuthenticationProvider {

    static final String ROLE_USER = "ROLE_USER";
    static final String ROLE_ADMIN = "ROLE_ADMIN";

    private final AccountService accounts;
    private final CredentialCache cache;

    AccountAuthenticationProvider(AccountService accounts, CredentialCache cache) {
        this.accounts = accounts;
        this.cache = cache;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (address == null || !(credentials instanceof String password)) {
            throw new BadCredentialsException("no credentials");
        }
        Optional<AccountInfo> account = cache.find(address, password).flatMap(accounts::find)
                .filter(AccountInfo::enabled);
        if (account.isEmpty()) {
            account = accounts.authenticate(address, password);
            account.ifPresent(a -> cache.remember(address, password, a.id()));
        }
        AccountInfo info = account.orElseThrow(() -> new BadCredentialsException("bad credentials"));
        return UsernamePasswordAuthenticationToken.authenticated(info, null, authorities(info));
    }

    private static List<GrantedAuthority> authorities(AccountInfo account) {
        List<GrantedAuthority> list = new ArrayList<>();
        list.add(new SimpleGrantedAuthority(ROLE_USER));
        if (account.admin()) {
            list.add(new SimpleGrantedAuthority(ROLE_ADMIN));
        }
        return list;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
