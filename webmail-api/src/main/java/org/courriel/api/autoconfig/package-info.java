/**
 * Documents from which mail clients configure themselves given only an address: Mozilla autoconfiguration
 * (Thunderbird), Microsoft Autodiscover POX (Outlook) and an Apple configuration profile.
 *
 * <p>Invariants:
 * <ul>
 * <li>The endpoints are public (no authentication; {@link org.courriel.api.autoconfig.AutoconfigPaths} lists
 * exactly the paths the security configuration permits).</li>
 * <li>They never reveal whether an account exists: any local part of a hosted domain gets the same settings;
 * an address of another domain is 404, a malformed one 400.</li>
 * <li>The documents are written by pure encoders ({@code MozillaAutoconfig}, {@code AutodiscoverResponse},
 * {@code AppleProfile}) from one {@code ClientSettings}; every value is XML-escaped.</li>
 * <li>The only XML read is the Autodiscover request: bounded in size, parsed without DTDs or entities.</li>
 * <li>Hosts and ports are the public ones of {@code courriel.client-config.*}, not the bind ports.</li>
 * </ul>
 */
package org.courriel.api.autoconfig;
