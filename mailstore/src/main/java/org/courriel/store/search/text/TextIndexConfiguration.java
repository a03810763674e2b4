package org.courriel.store.search.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.courriel.store.StoreProperties;
import org.courriel.store.content.ContentStore;
import org.courriel.store.disk.H2Files;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires the full-text index ({@code courriel.store.text-index.*}): PostgreSQL's table where the store is
 * PostgreSQL, else Lucene's directory beside the H2 file ({@code NAME.text-index}), or in memory for a database
 * without a file of its own here (in memory, over TCP), rebuilt at each start then.
 */
@Configuration(proxyBeanMethods = false)
class TextIndexConfiguration {

    /** The directory's name beside the database file {@code NAME.mv.db}. */
    static final String DIRECTORY_SUFFIX = ".text-index";

    @Bean
    @ConditionalOnProperty(name = "courriel.store.text-index.enabled", havingValue = "true", matchIfMissing = true)
    TextIndex textIndex(DataSource dataSource, JdbcClient jdbc) {
        String product;
        String url;
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            product = meta.getDatabaseProductName();
            url = meta.getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to learn its kind", e);
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            PostgresTextIndex index = new PostgresTextIndex(jdbc);
            index.prepare();
            return index;
        }
        return new LuceneTextIndex(directory(H2Files.besideDatabase(url, DIRECTORY_SUFFIX)), jdbc);
    }

    @Bean
    @ConditionalOnProperty(name = "courriel.store.text-index.enabled", havingValue = "true", matchIfMissing = true)
    TextIndexer textIndexer(TextIndex index, JdbcClient jdbc, PlatformTransactionManager transactions,
            ContentStore contents, StoreProperties properties, MeterRegistry meters) {
        StoreProperties.TextIndex settings = properties.textIndex();
        return new TextIndexer(index, jdbc, new TransactionTemplate(transactions), contents::bytes,
                index instanceof PostgresTextIndex, settings.batch(), settings.maxChars(), settings.pause(), meters);
    }

    @Bean
    TextSearch textSearch(ObjectProvider<TextIndex> index, JdbcClient jdbc, ContentStore contents) {
        return new TextSearch(index.getIfAvailable(), jdbc, contents::bytes);
    }

    private static Directory directory(Path path) {
        if (path == null) {
            return new ByteBuffersDirectory();
        }
        try {
            return FSDirectory.open(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the full-text index directory " + path, e);
        }
    }
}
