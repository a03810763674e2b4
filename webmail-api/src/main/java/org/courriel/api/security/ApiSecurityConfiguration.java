package org.courriel.api.security;

import java.time.Clock;

import org.courriel.access.auth.AuthProperties;
import org.courriel.access.auth.LoginService;
import org.courriel.api.ApiProperties;
import org.courriel.api.autoconfig.AutoconfigPaths;
import org.courriel.api.problem.DatabaseUnavailableFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Security of the API, scoped to its own paths so that other modules' endpoints (actuator, bound by the
 * deploy module) are left to their own rules: {@code /api/**} needs HTTP Basic with an account's credentials,
 * {@code /api/v1/admin/**} the admin role; the OpenAPI document, Swagger UI and the mail clients'
 * autoconfiguration documents ({@link AutoconfigPaths}, exactly those paths) are public.
 * Stateless: no session, no cookie, hence no CSRF token to check.
 */
// Only with a servlet web server: the admin command line runs the same application without one.
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiSecurityConfiguration {

    /** The paths of the OpenAPI description and its UI. */
    static final String[] DOC_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    @Order(10)
    SecurityFilterChain apiFilterChain(HttpSecurity http, LoginService logins,
            AuthProperties auth, ApiProperties properties, JsonMapper json) throws Exception {
        RateLimiter limiter = new RateLimiter(properties.rateLimit().perSecond(), properties.rateLimit().burst(),
                Clock.systemUTC());
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .anyRequest().hasRole("USER"))
                .authenticationManager(new ProviderManager(new AccountAuthenticationProvider(logins)))
                .httpBasic(basic -> basic.authenticationEntryPoint(ApiFilters.entryPoint(json, auth.coolDown())))
                .exceptionHandling(e -> e.authenticationEntryPoint(ApiFilters.entryPoint(json, auth.coolDown()))
                        .accessDeniedHandler(ApiFilters.accessDenied(json)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new DatabaseUnavailableFilter(json), BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiFilters.RequestSizeFilter(properties.maxMessageSize().toBytes(), json),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new ApiFilters.RateLimitFilter(limiter, json), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(11)
    SecurityFilterChain apiDocsFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(DOC_PATHS)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * Mail clients fetch their settings before they have an account configured: no authentication, and no
     * CSRF token (Outlook POSTs its Autodiscover request). Only the exact paths of {@link AutoconfigPaths}.
     */
    @Bean
    @Order(12)
    SecurityFilterChain autoconfigFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(AutoconfigPaths.ALL)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
