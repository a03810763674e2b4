package org.courriel.store.disk;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.courriel.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class FreeSpaceGuardTest {

    @TempDir
    Path dir;

    @Test
    void refusesNewMailBelowTheMinimumAndAcceptsItAgainOnceThereIsRoom() throws Exception {
        long free = Files.getFileStore(dir).getUsableSpace();
        FreeSpaceGuard guard = new FreeSpaceGuard(dir, DataSize.ofBytes(free + DataSize.ofGigabytes(1024).toBytes()));
        assertThatThrownBy(guard::checkRoomForNewMail).isInstanceOfSatisfying(StoreException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo(StoreException.Reason.STORAGE_FULL));
        guard.minimumFreeSpace(DataSize.ofBytes(1));
        assertThatCode(guard::checkRoomForNewMail).doesNotThrowAnyException();
    }

    @Test
    void noDirectoryOrNoMinimumMeansNoCheck() {
        assertThatCode(() -> new FreeSpaceGuard(null, DataSize.ofTerabytes(1024)).checkRoomForNewMail())
                .doesNotThrowAnyException();
        assertThatCode(() -> new FreeSpaceGuard(dir, DataSize.ofBytes(0)).checkRoomForNewMail())
                .doesNotThrowAnyException();
    }
}
