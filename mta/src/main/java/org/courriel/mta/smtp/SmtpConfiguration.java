package org.courriel.mta.smtp;

import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.mta.smtp.session.SmtpMetrics;
import org.courriel.mta.smtp.session.SmtpProperties;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.courriel.access.ListenersProperties;
import org.courriel.access.ServerProperties;
import org.courriel.access.auth.ScramLogin;
import org.courriel.access.auth.LoginService;
import org.courriel.access.net.MemoryBudget;
import org.courriel.access.tls.TlsContext;
import org.courriel.mta.auth.InboundAuthenticator;
import org.courriel.mta.auth.dkim.OutboundSigning;
import org.courriel.mta.delivery.ForwardingAddress;
import org.courriel.mta.delivery.MailDelivery;
import org.courriel.mta.limit.SendLimiter;
import org.courriel.mta.smtp.command.SmtpCommands;
import org.courriel.mta.smtp.policy.RecipientPolicy;
import org.courriel.mta.smtp.session.Authenticator;
import org.courriel.mta.smtp.session.MessageIntake;
import org.courriel.mta.smtp.session.SmtpContext;
import org.courriel.mta.smtp.session.SmtpDispatcher;
import org.courriel.mta.spam.SpamScreening;
import org.courriel.store.account.AddressOwnership;
import org.courriel.store.account.RecipientResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the SMTP listeners: MX, submission and submissions, each enabled on its own. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SmtpProperties.class, MxProperties.class, SubmissionProperties.class,
        SubmissionsProperties.class})
public class SmtpConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmtpConfiguration.class);

    /** Not in the admin command line, which runs with {@code courriel.listeners.enabled=false}. */
    @Bean
    @ConditionalOnProperty(name = "courriel.listeners.enabled", havingValue = "true", matchIfMissing = true)
    SmtpServers smtpServers(ServerProperties server, ListenersProperties listeners, SmtpProperties smtp, MxProperties mx,
            SubmissionProperties submission, SubmissionsProperties submissions, RecipientResolver resolver,
            AddressOwnership ownership, LoginService logins, MailDelivery delivery, OutboundSigning signing,
            TlsContext tls, MeterRegistry meters, ObjectProvider<InboundAuthenticator> inbound,
            ObjectProvider<SpamScreening> spam, ObjectProvider<SendLimiter> limits,
            ObjectProvider<ForwardingAddress> forwarding) {
        RecipientPolicy policy = new RecipientPolicy(resolver::resolve, forwarding.getIfAvailable(() -> ForwardingAddress.KEEP));
        MessageIntake intake = new MessageIntake(MessageIntake.Delivery.of(delivery), inbound.getIfAvailable(),
                signing::sign, spam.getIfAvailable(), limits.getIfAvailable());
        Authenticator authenticator = new Authenticator() {
            @Override
            public Outcome authenticate(InetAddress client, String username, String password) {
                return Authenticator.outcome(logins.login("smtp", client, username, password));
            }

            @Override
            public Optional<ScramLogin> scram(InetAddress client) {
                return Optional.of(logins.scram("smtp", client));
            }

            @Override
            public boolean offersScram() {
                return true;
            }
        };
        SmtpDispatcher dispatcher = new SmtpDispatcher(SmtpCommands.all());
        List<SmtpServer> servers = new ArrayList<>();
        MemoryBudget contentBudget = SmtpContext.contentBudget(smtp); // one for every listener of this node
        record Listener(ListenerKind kind, ListenerProperties properties) {
        }
        for (Listener l : List.of(new Listener(ListenerKind.MX, mx), new Listener(ListenerKind.SUBMISSION, submission),
                new Listener(ListenerKind.SUBMISSIONS, submissions))) {
            if (!l.properties().enabled()) {
                continue;
            }
            if (l.kind().implicitTls() && !tls.available()) {
                log.warn("No TLS certificate: the {} listener (implicit TLS) is not started", l.kind().listenerName());
                continue;
            }
            SmtpContext context = new SmtpContext(l.kind(), server.hostname(), smtp, policy, ownership::owns,
                    authenticator, intake, new SmtpMetrics(meters, l.kind().listenerName()), Clock.systemDefaultZone(),
                    contentBudget);
            servers.add(new SmtpServer(context, dispatcher, l.properties(), listeners, tls, meters));
        }
        return new SmtpServers(servers);
    }
}
