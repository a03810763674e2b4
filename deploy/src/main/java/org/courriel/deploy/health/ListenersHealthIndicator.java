package org.courriel.deploy.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.courriel.access.tls.TlsContext;
import org.courriel.imap.config.ImapProperties;
import org.courriel.imap.config.ImapsProperties;
import org.courriel.imap.server.ImapServer;
import org.courriel.mta.smtp.SmtpServers;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.pop3.config.Pop3Properties;
import org.courriel.pop3.config.Pop3sProperties;
import org.courriel.pop3.server.Pop3Server;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code listeners}, part of readiness: UP while the SMTP, IMAP and POP3 listeners are
 * accepting, with the bound port of each; DOWN before they start, after they stop, or when a configured IMAP
 * or POP3 listener is not bound. Reads state in memory only. Without listeners (the admin command line runs with
 * {@code courriel.listeners.enabled=false}) there is nothing to be down.
 */
@Component
public class ListenersHealthIndicator implements HealthIndicator {

    private final ObjectProvider<SmtpServers> smtp;
    private final ObjectProvider<ImapServer> imap;
    private final ImapProperties imapProperties;
    private final ImapsProperties imapsProperties;
    private final TlsContext tls;
    private final Pop3Listeners pop3;

    /** The POP3 side, apart so that the constructor stays readable. */
    private record Pop3Listeners(ObjectProvider<Pop3Server> server, Pop3Properties properties, Pop3sProperties pop3s) {
    }

    public ListenersHealthIndicator(ObjectProvider<SmtpServers> smtp, ObjectProvider<ImapServer> imap,
            ImapProperties imapProperties, ImapsProperties imapsProperties, TlsContext tls,
            ObjectProvider<Pop3Server> pop3, Pop3Properties pop3Properties, Pop3sProperties pop3sProperties) {
        this.smtp = smtp;
        this.imap = imap;
        this.imapProperties = imapProperties;
        this.imapsProperties = imapsProperties;
        this.tls = tls;
        this.pop3 = new Pop3Listeners(pop3, pop3Properties, pop3sProperties);
    }

    @Override
    public Health health() {
        Map<String, Object> ports = new LinkedHashMap<>();
        boolean up = smtpListening(ports) & imapListening(ports) & pop3Listening(ports);
        return (up ? Health.up() : Health.down()).withDetails(ports).build();
    }

    private boolean smtpListening(Map<String, Object> ports) {
        SmtpServers servers = smtp.getIfAvailable();
        if (servers == null) {
            return true;
        }
        if (!servers.isRunning()) {
            ports.put("smtp", "stopped");
            return false;
        }
        for (ListenerKind kind : ListenerKind.values()) {
            try {
                ports.put(kind.listenerName(), servers.port(kind));
            } catch (IllegalStateException notEnabled) {
                // a listener turned off (port -1) or implicit TLS without a certificate: nothing to check
            }
        }
        return true;
    }

    private boolean imapListening(Map<String, Object> ports) {
        ImapServer server = imap.getIfAvailable();
        if (server == null || !imapProperties.enabled()) {
            return true;
        }
        boolean up = true;
        if (imapProperties.port() >= 0) {
            up &= report(ports, "imap", server.port());
        }
        if (imapsProperties.port() >= 0 && tls.available()) { // implicit TLS starts only with a certificate
            up &= report(ports, "imaps", server.implicitTlsPort());
        }
        return up;
    }

    private boolean pop3Listening(Map<String, Object> ports) {
        Pop3Server server = pop3.server().getIfAvailable();
        if (server == null || !pop3.properties().enabled()) {
            return true;
        }
        boolean up = true;
        if (pop3.properties().port() >= 0) {
            up &= report(ports, "pop3", server.port());
        }
        if (pop3.pop3s().port() >= 0 && tls.available()) { // implicit TLS starts only with a certificate
            up &= report(ports, "pop3s", server.implicitTlsPort());
        }
        return up;
    }

    private static boolean report(Map<String, Object> ports, String listener, int port) {
        ports.put(listener, port >= 0 ? port : "not listening");
        return port >= 0;
    }
}
