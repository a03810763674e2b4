/**
 * The ManageSieve server (RFC 5804): users upload, check and activate the Sieve scripts that run at delivery.
 * Scripts live in the store ({@link org.courriel.store.sieve.SieveScriptService}); the syntax check is the
 * delivery's own checker ({@link org.courriel.sieve.SieveScript}), so what is accepted here runs there.
 * Literals are bounded before login (courriel.managesieve.pre-auth-max-literal-size) and after it by the
 * script size bound; logins go through the shared, throttled {@link org.courriel.access.auth.LoginService}.
 */
package org.courriel.managesieve;
