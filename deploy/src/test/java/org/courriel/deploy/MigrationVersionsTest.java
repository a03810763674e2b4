package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every Flyway migration the application runs (mailstore's and the MTA's, one history) is numbered above every one
 * that has already shipped: a store migrated by an earlier build has those applied, and Flyway (without
 * {@code out-of-order}) refuses to start on it when a lower version appears later.
 */
class MigrationVersionsTest {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.+\\.sql");

    @Test
    void newMigrationsAreNumberedAboveEveryShippedOne() throws IOException {
        List<Integer> shipped = shipped();
        int highestShipped = shipped.stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<Integer> all = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql")) {
            Matcher m = VERSION.matcher(r.getFilename());
            assertThat(m.matches()).as(r.getFilename()).isTrue();
            all.add(Integer.parseInt(m.group(1)));
        }
        assertThat(all).as("the migrations on the class path").containsAll(shipped).doesNotHaveDuplicates();
        assertThat(all.stream().filter(v -> !shipped.contains(v)).toList())
                .as("new migrations must be numbered above V" + highestShipped
                        + ", the highest that shipped (deploy/src/test/resources/released-migrations.txt)")
                .allMatch(v -> v > highestShipped);
    }

    private static List<Integer> shipped() throws IOException {
        try (InputStream in = MigrationVersionsTest.class.getResourceAsStream("/released-migrations.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::trim).map(Integer::valueOf).toList();
        }
    }
}
