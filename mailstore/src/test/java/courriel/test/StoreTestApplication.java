package courriel.test;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The store alone, as its tests start it (the deploy module brings the real meter registry). It lives
 * outside {@code org.courriel} so that the server's component scan never finds it when this module's test
 * classes are on another module's class path.
 */
@SpringBootApplication
@PropertySource("classpath:store-test.properties")
public class StoreTestApplication {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
