package org.courriel.api.problem;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details for what is refused before a controller runs: Tomcat's own error report. (The error page
 * is {@link ProblemErrorController}; controllers' failures are {@link ProblemHandler}'s.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class Tomcat {
        @Bean
        TomcatProblems tomcatProblems(JsonMapper json) {
            return new TomcatProblems(json);
        }
    }
}
