package org.courriel.api.problem;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details for what is refused before a controller runs: Tomcat's own error report, Boot's form
 * filter, an unparsable path. (The error page is {@link ProblemErrorController}; controllers' failures are
 * {@link ProblemHandler}'s.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemConfiguration {

    /** Takes the place of Boot's form filter (which backs off when there is one). */
    @Bean
    OrderedFormContentFilter formContentFilter(JsonMapper json) {
        return new FormBodyFilter(json);
    }

    @Bean
    FilterRegistrationBean<RequestPathFilter> requestPathFilter(JsonMapper json) {
        RequestPathFilter filter = new RequestPathFilter(json);
        FilterRegistrationBean<RequestPathFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(filter.getOrder());
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class Tomcat {
        @Bean
        TomcatProblems tomcatProblems(JsonMapper json) {
            return new TomcatProblems(json);
        }
    }
}
