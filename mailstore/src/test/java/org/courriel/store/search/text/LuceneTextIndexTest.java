package org.courriel.store.search.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** When the index beside an H2 file is kept, and when it is emptied for a rebuild. */
class LuceneTextIndexTest {

    @TempDir
    Path dir;

    @Test
    void aNewDirectoryIsRebuiltAndAReopenedOneKept() throws Exception {
        JdbcClient store = store("a");
        try (LuceneTextIndex index = open(store)) {
            assertThat(index.needsRebuild()).isTrue();
            index.add(List.of(entry(1), entry(2)));
        }
        try (LuceneTextIndex index = open(store)) {
            assertThat(index.needsRebuild()).isFalse();
        }
        assertThat(documents()).isEqualTo(2);
    }

    @Test
    void everyContentIsQueuedBeforeANewIndexCallsItselfTheDatabases() throws Exception {
        JdbcClient store = store("q");
        for (int i = 1; i <= 3; i++) {
            store.sql("INSERT INTO content (id, sha256, size, ref_count, summary, created_at)"
                    + " VALUES (?, ?, 1, 1, '{}', CURRENT_TIMESTAMP)").params(i, "sha" + i).update();
        }
        store.sql("INSERT INTO text_index_partial (content_id) VALUES (2)").update();
        try (LuceneTextIndex index = open(store)) {
            assertThat(index.needsRebuild()).isTrue();
        }
        // no indexer ran (a start that failed later, a kill): the queue still holds every content
        try (LuceneTextIndex index = open(store)) {
            assertThat(index.needsRebuild()).isFalse();
        }
        assertThat(store.sql("SELECT content_id FROM text_index_pending ORDER BY content_id").query(Long.class).list())
                .containsExactly(1L, 2L, 3L);
        assertThat(store.sql("SELECT COUNT(*) FROM text_index_partial").query(Long.class).single()).isZero();
    }

    @Test
    void theIndexOfAnotherDatabaseIsEmptied() throws Exception {
        try (LuceneTextIndex index = open(store("first"))) {
            index.add(List.of(entry(1)));
        }
        try (LuceneTextIndex index = open(store("second"))) {
            assertThat(index.needsRebuild()).as("a database started anew beside the old index").isTrue();
        }
        assertThat(documents()).isZero();
    }

    @Test
    void anUnreadableDirectoryIsRebuilt() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("segments_1"), "not an index");
        try (LuceneTextIndex index = open(store("c"))) {
            assertThat(index.needsRebuild()).isTrue();
        }
    }

    private LuceneTextIndex open(JdbcClient store) throws Exception {
        return new LuceneTextIndex(FSDirectory.open(dir), store);
    }

    private long documents() throws Exception {
        try (var d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
            return reader.numDocs();
        }
    }

    private static TextIndex.Entry entry(long id) {
        return new TextIndex.Entry(id, new IndexedText("subject: s" + id, "body " + id, "", true));
    }

    private static JdbcClient store(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:lucene-" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(ds);
    }
}
