package org.courriel.store.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The rows of {@code domain}, in plain SQL: the server and the admin command line use this one mapping. */
@Repository
class DomainRepository {

    private static final RowMapper<Domain> ROW = (rs, n) -> new Domain(rs.getLong("id"), rs.getString("name"));

    private final JdbcClient jdbc;

    DomainRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Domain> findByName(String name) {
        return jdbc.sql("SELECT id, name FROM domain WHERE name = ?").param(name).query(ROW).optional();
    }

    List<Domain> findAll() {
        return jdbc.sql("SELECT id, name FROM domain").query(ROW).list();
    }

    Domain insert(String name) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO domain (name, created_at) VALUES (?, ?)")
                .params(name, OffsetDateTime.now(ZoneOffset.UTC)).update(key, "id");
        return new Domain(key.getKeyAs(Long.class), name);
    }

    void delete(Domain domain) {
        jdbc.sql("DELETE FROM domain WHERE id = ?").param(domain.getId()).update();
    }
}
