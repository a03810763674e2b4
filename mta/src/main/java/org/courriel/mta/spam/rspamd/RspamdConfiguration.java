package org.courriel.mta.spam.rspamd;

import org.courriel.mta.spam.SpamFilter;
import org.courriel.mta.spam.SpamProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/** The content filter the spam screening asks: rspamd once {@code courriel.spam.rspamd.url} is set, else none. */
@Configuration(proxyBeanMethods = false)
public class RspamdConfiguration {

    @Bean
    SpamFilter spamFilter(SpamProperties spam, MeterRegistry meters) {
        return spam.rspamd().enabled() ? new RspamdFilter(spam.rspamd(), meters) : SpamFilter.NONE;
    }
}
