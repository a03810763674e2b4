package org.courriel.store.srs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import courriel.test.StoreTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SRS secrets against every database Courriel supports (one subclass each). */
@SpringBootTest(classes = StoreTestApplication.class)
abstract class SrsSecretsContract {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noSecretYet() {
        jdbc.sql("DELETE FROM srs_secret").update();
    }

    @Test
    void theFirstUseGeneratesOneSecretThatEveryNodeReads() {
        List<SrsSecret> first = new SrsSecrets(jdbc).all();
        assertThat(first).singleElement().satisfies(s -> {
            assertThat(s.serial()).isEqualTo(1);
            assertThat(s.key()).hasSize(32);
        });
        assertThat(new SrsSecrets(jdbc).all()).isEqualTo(first);
    }

    @Test
    void twoNodesGeneratingAtOnceAgreeOnOneSecret() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<SrsSecret>> nodes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                SrsSecrets node = new SrsSecrets(jdbc);
                nodes.add(() -> node.all().getFirst());
            }
            Set<SrsSecret> signing = new HashSet<>();
            for (Future<SrsSecret> f : pool.invokeAll(nodes)) {
                signing.add(f.get());
            }
            assertThat(signing).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rotationSignsWithTheNewSecretAndStillAcceptsTheOld() {
        SrsSecrets secrets = new SrsSecrets(jdbc);
        SrsSecret old = secrets.all().getFirst();
        SrsSecret fresh = secrets.rotate();
        assertThat(fresh.serial()).isEqualTo(2);
        assertThat(fresh.key()).isNotEqualTo(old.key());
        assertThat(secrets.all()).containsExactly(fresh, old);

        assertThatThrownBy(() -> secrets.remove(2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(secrets.remove(1)).isTrue();
        assertThat(secrets.all()).containsExactly(fresh);
    }
}
