package org.courriel.pop3.session;

import org.courriel.access.auth.LoginService;
import org.courriel.imap.config.ImapProperties;
import org.courriel.pop3.config.Pop3Properties;
import org.courriel.store.lease.MailboxLeases;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageService;
import org.springframework.stereotype.Component;

/**
 * The services every POP3 session shares: one bean, so a session holds one reference.
 *
 * @param imap for {@code courriel.imap.allow-plaintext-loopback}, which POP3 shares
 */
@Component
public record Pop3Context(
        Pop3Properties properties,
        ImapProperties imap,
        LoginService logins,
        MailboxService mailboxes,
        MessageService messages,
        MailboxLeases leases,
        Pop3Metrics metrics,
        Pop3CommandTable commands) {
}
