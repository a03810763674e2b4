/**
 * The webmail REST API ({@code /api/v1}): the mail store over HTTP and JSON, described in OpenAPI.
 *
 * <p>Invariants:
 * <ul>
 * <li>Every request sees only its own account: mailboxes are resolved by {@code mailbox.AccountMailboxes} and
 * messages by {@code message.AccountMessages}, both within the authenticated account; another account's ids
 * answer 404, exactly as ids that do not exist.</li>
 * <li>Every change goes through the store's services ({@code MessageService}, {@code MailboxService}), never
 * through SQL of its own, so IMAP sessions see it through the same change events with the same UIDs and
 * MODSEQs. The API reads the {@code message} table directly only to sort and page a listing.</li>
 * <li>Sending goes through {@code MailDelivery}, the path SMTP submission takes; the From address is checked
 * by the store's {@code AddressOwnership}, as SMTP submission checks MAIL FROM.</li>
 * <li>Failures become RFC 9457 problem details in one place: {@code problem.ProblemHandler} for controllers,
 * {@code problem.Problems#write} for the security filters; the store's reasons map in
 * {@code Problems#typeOf}.</li>
 * <li>Security is scoped to {@code /api/**}, the OpenAPI paths and the public autoconfiguration paths
 * ({@code autoconfig.AutoconfigPaths}), MTA-STS policy and ACME HTTP-01 challenge paths; the module defines no
 * {@code UserDetailsService}, {@code AuthenticationManager} nor servlet filter bean that other modules would
 * see.</li>
 * </ul>
 */
package org.courriel.api;
