package org.courriel.deploy.safety;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Safe defaults for what listens without a login or takes passwords in the clear:
 * <ul>
 * <li>the REST API and Swagger UI ({@code server.port}, HTTP Basic) bind to 127.0.0.1 unless TLS is
 * configured for them ({@code server.ssl.*}) or {@code server.address} is set: plain HTTP belongs behind a TLS
 * proxy on the same machine;</li>
 * <li>the port H2 opens for {@code AUTO_SERVER} (other processes into the embedded database) binds to
 * 127.0.0.1: H2 itself listens on every interface ({@code -tcpAllowOthers}), guarded only by a key in the lock
 * file. Set the system property {@code h2.bindAddress} to choose another.</li>
 * </ul>
 */
public class LoopbackDefaults implements EnvironmentPostProcessor, Ordered {

    static final String LOOPBACK = "127.0.0.1";
    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        bindH2ToLoopback();
        if (environment.getProperty("server.address") == null && !tlsConfigured(environment)) {
            environment.getPropertySources().addLast(new MapPropertySource("courriel-loopback-defaults",
                    Map.of("server.address", LOOPBACK)));
        }
    }

    /** Before any H2 class reads it (H2 keeps it in a constant); the main method sets it first of all. */
    public static void bindH2ToLoopback() {
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, LOOPBACK);
        }
    }

    static boolean tlsConfigured(ConfigurableEnvironment environment) {
        return Boolean.parseBoolean(environment.getProperty("server.ssl.enabled", "false"))
                || environment.getProperty("server.ssl.bundle") != null
                || environment.getProperty("server.ssl.key-store") != null
                || environment.getProperty("server.ssl.certificate") != null;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 20;
    }
}
