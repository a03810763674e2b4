package org.courriel.store.disk;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.courriel.store.StoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the free-space guard of the store's disk and the compaction of an embedded H2 file at stop. */
@Configuration(proxyBeanMethods = false)
class DiskConfiguration {

    /** Watches the disk of an embedded H2 file database; nothing to watch on PostgreSQL or in memory. */
    @Bean
    FreeSpaceGuard freeSpaceGuard(DataSource dataSource, StoreProperties properties) {
        return new FreeSpaceGuard(H2Files.directoryOf(url(dataSource)), properties.minFreeSpace());
    }

    /** Compacts an embedded H2 file at stop unless {@code courriel.store.compact-on-stop} is false. */
    @Bean
    H2CompactOnStop h2CompactOnStop(DataSource dataSource, StoreProperties properties) {
        return new H2CompactOnStop(dataSource, properties.compactOnStop() ? H2Files.fileOf(url(dataSource)) : null);
    }

    /** The URL the database reports for itself (the configured one may be a pool's, or hold placeholders). */
    private static String url(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to learn where it is", e);
        }
    }
}
