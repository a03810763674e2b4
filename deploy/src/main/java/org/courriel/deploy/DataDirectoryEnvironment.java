package org.courriel.deploy;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code courriel.data-dir} an absolute path before anything uses it: H2 refuses a database URL with an
 * implicitly relative file path, and the data directory should not depend on where a later process runs.
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty("courriel.data-dir", "data");
        String absolute = Path.of(dir).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addFirst(new MapPropertySource("courriel-data-dir",
                Map.of("courriel.data-dir", absolute)));
    }

    /** Before the self-signed certificate is placed in the data directory. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
