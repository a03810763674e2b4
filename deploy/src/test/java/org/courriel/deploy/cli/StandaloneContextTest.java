package org.courriel.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.courriel.CourrielApplication;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

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
    void theStoreContextHoldsTheBeanOfEveryStoreCommand() {
        List<Class<?>> imported = List.of(StoreCommandContext.class.getAnnotation(Import.class).value());
        for (String noun : CommandTable.STORE_COMMANDS) {
            assertThat(imported).as(noun).contains(CommandTable.COMMANDS.get(noun));
        }
        assertThat(imported).contains(AdminCli.class);
    }
}
