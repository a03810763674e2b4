package org.courriel.api.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.courriel.access.auth.LoginResult;
import org.courriel.access.auth.LoginService;
import org.courriel.store.account.AccountInfo;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic credentials checked by the shared {@link LoginService} (the store's accounts, with failed logins
 * throttled per client address and per account as for SMTP and IMAP, and bcrypt skipped for credentials the
 * store verified recently against the account's current hash, as for every protocol). The principal is the
 * caller's {@link AccountInfo}, read afresh on every request so that a disabled account or a lost admin role
 * applies at once.
 * Used only by the API's own filter chain: it is deliberately not a bean, so no other module's security sees it.
 */
final class AccountAuthenticationProvider implements AuthenticationProvider {

    static final String ROLE_USER = "ROLE_USER";
    static final String ROLE_ADMIN = "ROLE_ADMIN";

    /** The protocol tag of the shared login metrics. */
    static final String PROTOCOL = "http";

    private final LoginService logins;

    AccountAuthenticationProvider(LoginService logins) {
        this.logins = logins;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (address == null || !(credentials instanceof String password)) {
            throw new BadCredentialsException("no credentials");
        }
        return switch (logins.login(PROTOCOL, client(authentication), address, password)) {
            case LoginResult.Success success -> authenticated(success.account());
            case LoginResult.Failure failure -> throw new BadCredentialsException("bad credentials");
            case LoginResult.Throttled throttled -> throw new LoginThrottledException();
        };
    }

    private static Authentication authenticated(AccountInfo info) {
        return UsernamePasswordAuthenticationToken.authenticated(info, null, authorities(info));
    }

    /** The client's address as the servlet container saw it; an IP literal, so no name lookup happens. */
    private static InetAddress client(Authentication authentication) {
        String remote = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        try {
            return InetAddress.getByName(remote == null ? "0.0.0.0" : remote);
        } catch (UnknownHostException e) {
            throw new BadCredentialsException("no client address");
        }
    }

    /** Too many failed logins from the client's address or for the account (answered 429). */
    static final class LoginThrottledException extends AuthenticationException {
        LoginThrottledException() {
            super("too many failed logins; try again later");
        }
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
