package org.courriel.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.courriel.CourrielApplication;
import org.courriel.store.StoreProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

/** Which context a command run without a server starts. */
class StandaloneContextTest {

    @Test
    void storeCommandsStartTheStoreAloneAndTheOthersTheApplication() {
        for (String noun : CommandTable.STORE_COMMANDS) {
            assertThat(StandaloneContext.application(noun).getAllSources()).as(noun)
                    .containsExactly(StoreCommandContext.class);
        }
        assertThat(StandaloneContext.application("queue").getAllSources()).containsExactly(CourrielApplication.class);
        assertThat(StandaloneContext.application("status").getAllSources()).containsExactly(CourrielApplication.class);
    }

    @Test
    void aCommandWithoutAServerNeverCompactsTheDatabaseAtItsEnd(@TempDir Path data) {
        try (ConfigurableApplicationContext context = StandaloneContext.application("domain")
                .run("--courriel.data-dir=" + data)) {
            assertThat(context.getBean(StoreProperties.class).compactOnStop())
                    .as("a full copy of the database at the end of every command").isFalse();
        }
    }

    @Test
    void theApplicationsComponentScanDoesNotFindTheStoreContext() {
        assertThat(AnnotatedElementUtils.hasAnnotation(StoreCommandContext.class, Component.class))
                .as("a component (or @Configuration) in org.courriel would bring its beans into the server").isFalse();
    }

    @Test
    void theStoreContextHoldsTheBeanOfEveryStoreCommand() {
        List<Class<?>> imported = List.of(StoreCommandContext.class.getAnnotation(Import.class).value());
        for (String noun : CommandTable.STORE_COMMANDS) {
            assertThat(imported).as(noun).contains(CommandTable.COMMANDS.get(noun));
        }
        assertThat(imported).contains(AdminCli.class);
    }
}
