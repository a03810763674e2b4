package org.courriel.deploy.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.courriel.CourrielApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

/**
 * The application context of a command run without a server (issue 14): no web server, no listeners, no queue
 * worker, no admin socket, beans created only when the command needs them, and of Spring Boot's
 * auto-configurations only those the store and the commands use ({@link #KEPT}): the others (actuator
 * endpoints, health, metrics binders and exports but the simple registry, springdoc, security, HTTP converters)
 * cost a command their conditions and beans for nothing. Courriel's own auto-configurations all stay.
 */
final class StandaloneContext {

    /** The auto-configurations a command run on its own keeps, by simple name. */
    static final Set<String> KEPT = Set.of(
            "PropertyPlaceholderAutoConfiguration",
            "ConfigurationPropertiesAutoConfiguration",
            "AopAutoConfiguration",
            "DataSourceAutoConfiguration",
            "DataSourceInitializationAutoConfiguration",
            "DataSourceTransactionManagerAutoConfiguration",
            "TransactionManagerCustomizationAutoConfiguration",
            "TransactionAutoConfiguration",
            "JtaAutoConfiguration",
            "FlywayAutoConfiguration",
            "PersistenceExceptionTranslationAutoConfiguration",
            "JdbcTemplateAutoConfiguration",
            "JdbcClientAutoConfiguration",
            "JacksonAutoConfiguration",
            // the store's services count what they do; a simple registry takes their meters
            "MetricsAutoConfiguration",
            "CompositeMeterRegistryAutoConfiguration",
            "SimpleMetricsExportAutoConfiguration",
            "SslAutoConfiguration",
            "TaskExecutionAutoConfiguration",
            "TaskSchedulingAutoConfiguration",
            "ValidationAutoConfiguration");

    private StandaloneContext() {
    }

    /**
     * The application of {@code noun}'s command: a store command ({@link CommandTable#STORE_COMMANDS}) gets the
     * store's context alone ({@link StoreCommandContext}), any other the application's, cut down as said above.
     * Either way Flyway migrates only a new database and does not validate a current one
     * ({@link CommandLineMigration}).
     */
    static SpringApplication application(String noun) {
        boolean storeOnly = CommandTable.STORE_COMMANDS.contains(noun);
        SpringApplication app = new SpringApplication(storeOnly ? StoreCommandContext.class : CourrielApplication.class);
        app.addInitializers(context -> context.getBeanFactory().registerSingleton("commandLineMigration",
                new CommandLineMigration()));
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(false);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("courriel.listeners.enabled", "false");
        defaults.put("courriel.queue.workers", "false");
        defaults.put("courriel.admin.socket.enabled", "false");
        // a command without a server closes the database at its end: a full copy there would cost every command
        defaults.put("courriel.store.compact-on-stop", "false");
        // nor index text, which the server does in the background from the queue the command's mail joins
        defaults.put("courriel.store.text-index.enabled", "false");
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("spring.main.lazy-initialization", "true");
        if (!storeOnly) {
            defaults.put("spring.autoconfigure.exclude", String.join(",", excluded(app.getClassLoader())));
        }
        // The failure is reported in one line; Spring's own report would add a stack trace.
        defaults.put("logging.level.root", "OFF");
        app.setDefaultProperties(defaults);
        return app;
    }

    /** Every auto-configuration on the class path that is neither Courriel's nor {@link #KEPT}. */
    static List<String> excluded(ClassLoader loader) {
        return ImportCandidates.load(AutoConfiguration.class, loader).getCandidates().stream()
                .filter(name -> !name.startsWith("org.courriel."))
                .filter(name -> !KEPT.contains(name.substring(name.lastIndexOf('.') + 1)))
                .collect(Collectors.toList());
    }
}
