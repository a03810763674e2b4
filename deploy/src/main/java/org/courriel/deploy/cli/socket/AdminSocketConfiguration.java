package org.courriel.deploy.cli.socket;

import org.courriel.deploy.cli.AdminCli;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The admin socket of a running server; the command line's own context runs without it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminSocketProperties.class)
public class AdminSocketConfiguration {

    @Bean
    @ConditionalOnProperty(name = "courriel.admin.socket.enabled", havingValue = "true", matchIfMissing = true)
    AdminSocketServer adminSocketServer(AdminCli cli, AdminSocketProperties properties,
            @Value("${courriel.data-dir}") String dataDir) {
        return new AdminSocketServer(cli, properties, AdminSocketLocation.of(properties.path(), dataDir));
    }
}
