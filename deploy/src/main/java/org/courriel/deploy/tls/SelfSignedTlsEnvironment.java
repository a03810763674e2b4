package org.courriel.deploy.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.courriel.access.ServerProperties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * When no SSL bundle named by {@code courriel.tls.bundle} is configured, generates a self-signed certificate
 * for {@code courriel.hostname} under {@code <data-dir>/tls/} on first start, keeps it for later starts, and
 * registers it as that bundle (a PEM bundle), so SMTP STARTTLS, SMTPS, IMAP STARTTLS and IMAPS work at once.
 */
public class SelfSignedTlsEnvironment implements EnvironmentPostProcessor, org.springframework.core.Ordered {

    @Override
    public int getOrder() {
        return org.springframework.core.Ordered.LOWEST_PRECEDENCE;
    }

    private final Log log;

    public SelfSignedTlsEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(SelfSignedTlsEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String bundle = environment.getProperty("courriel.tls.bundle", "courriel");
        if (configured(environment, bundle)) {
            return;
        }
        String dataDir = environment.getProperty("courriel.data-dir");
        ServerProperties server = new ServerProperties(environment.getProperty("courriel.hostname"),
                dataDir == null ? null : Path.of(dataDir));
        Path dir = server.dataDir().resolve("tls");
        Path certificate = dir.resolve("self-signed-certificate.pem");
        Path key = dir.resolve("self-signed-key.pem");
        try {
            if (!Files.exists(certificate) || !Files.exists(key)) {
                SelfSignedCertificate.generate(server.hostname(), certificate, key);
                log.warn("No certificate configured (SSL bundle '" + bundle + "'): generated a self-signed one for "
                        + server.hostname() + " in " + dir.toAbsolutePath() + "; clients will warn until a real one is set");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String prefix = "spring.ssl.bundle.pem." + bundle + ".keystore.";
        environment.getPropertySources().addLast(new MapPropertySource("courriel-self-signed-tls", Map.of(
                prefix + "certificate", "file:" + certificate.toAbsolutePath(),
                prefix + "private-key", "file:" + key.toAbsolutePath())));
    }

    private static boolean configured(ConfigurableEnvironment environment, String bundle) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> e) {
                for (String name : e.getPropertyNames()) {
                    if (name.startsWith("spring.ssl.bundle.") && name.contains("." + bundle + ".")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
