package org.courriel.imap.session;

import org.courriel.imap.protocol.EmailIds;
import org.courriel.store.secret.ServerSecrets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The EMAILID key (RFC 8474 §11): one secret of the installation, so every node gives the same EMAILIDs. */
@Configuration(proxyBeanMethods = false)
class ObjectIdConfiguration {

    @Bean
    EmailIds emailIds(ServerSecrets secrets) {
        return new EmailIds(secrets.get(ServerSecrets.EMAIL_ID));
    }
}
