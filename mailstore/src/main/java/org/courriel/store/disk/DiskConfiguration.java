package org.courriel.store.disk;

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
        try (var c = dataSource.getConnection()) {
            return new FreeSpaceGuard(H2Files.directoryOf(c.getMetaData().getURL()), properties.minFreeSpace());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot reach the database to learn where it is", e);
        }
    }

    /** Compacts an embedded H2 file at stop unless {@code courriel.store.compact-on-stop} is false. */
    @Bean
    H2CompactOnStop h2CompactOnStop(DataSource dataSource, StoreProperties properties) {
        if (!properties.compactOnStop()) {
            return new H2CompactOnStop(dataSource, null);
        }
        try (var c = dataSource.getConnection()) {
            return new H2CompactOnStop(dataSource, H2Files.fileOf(c.getMetaData().getURL()));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot reach the database to learn where it is", e);
        }
    }
}
