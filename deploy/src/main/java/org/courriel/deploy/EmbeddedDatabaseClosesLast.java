package org.courriel.deploy;

import java.lang.reflect.Field;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 database open until the graceful shutdown is done. H2 closes every database it opened
 * from a JVM shutdown hook of its own, which runs at the same time as Spring's on SIGTERM: the store went away
 * under sessions still committing (451 for a message in DATA, claims not given back). H2 refuses
 * {@code DB_CLOSE_ON_EXIT=FALSE} together with {@code AUTO_SERVER=TRUE}, which the admin command line needs,
 * so the hook is removed here once the database is open; the database then closes with its last connection,
 * when the pool closes at the very end of the shutdown. With another database this does nothing.
 */
@Component
class EmbeddedDatabaseClosesLast implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseClosesLast.class);
    /** H2's closer thread (H2 2.x); not API, so a missing one is a warning, and GracefulShutdownTest notices. */
    private static final String CLOSER = "org.h2.engine.OnExitDatabaseCloser";

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String url = event.getApplicationContext().getEnvironment().getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:h2:")) {
            return;
        }
        try {
            Field instance = Class.forName(CLOSER).getDeclaredField("INSTANCE");
            instance.setAccessible(true);
            Runtime.getRuntime().removeShutdownHook((Thread) instance.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("H2 closes its database as soon as the JVM is told to stop; a graceful shutdown may lose the "
                    + "store under the sessions finishing: {}", e.toString());
        }
    }
}
