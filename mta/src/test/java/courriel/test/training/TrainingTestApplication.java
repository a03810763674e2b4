package courriel.test.training;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The store alone, for the spam training worker's tests, which build their workers themselves (so none runs
 * on its own beside them). Outside {@code org.courriel}, and scanning only its own package.
 */
@SpringBootApplication
public class TrainingTestApplication {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
