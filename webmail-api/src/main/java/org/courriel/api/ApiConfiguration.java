package org.courriel.api;

import org.courriel.api.problem.ProblemResponses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.MultipartConfigElement;

/** Wires the REST API: its settings, the upload limits and the OpenAPI description's header. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
public class ApiConfiguration {

    /** The name of the HTTP Basic scheme in the OpenAPI document. */
    public static final String BASIC_AUTH = "basicAuth";

    /**
     * Multipart uploads (attachments of a message to send) are bounded by {@code courriel.api.max-message-size};
     * this replaces Spring Boot's {@code spring.servlet.multipart.*} limits, which only this module uses.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(ApiProperties properties) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(properties.maxMessageSize());
        factory.setMaxRequestSize(properties.maxMessageSize());
        return factory.createMultipartConfig();
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    OpenAPI courrielOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Courriel webmail API")
                        .version("v1")
                        .description("""
                                The mailboxes and messages of the authenticated account, over HTTP and JSON. \
                                The same store as IMAP: UIDs and MODSEQ are IMAP's, and every change made here \
                                reaches IMAP sessions at once. Errors are RFC 9457 problem details \
                                (application/problem+json). Administrators also manage domains, accounts and aliases.""")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes(BASIC_AUTH, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("The account's address and password")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
    }
}
