package org.courriel.store.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code alias} and {@code alias_target}, in plain SQL: the server and the admin command line use
 * this one mapping. Targets are read in the order of their address.
 */
@Repository
class AliasRepository {

    private final JdbcClient jdbc;

    AliasRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Alias> findByAddress(String address) {
        return aliases("WHERE a.address = ?", address).stream().findFirst();
    }

    List<Alias> findAllByOrderByAddress() {
        return aliases("", null);
    }

    long countByDomain(Domain domain) {
        return jdbc.sql("SELECT COUNT(*) FROM alias WHERE domain_id = ?").param(domain.getId())
                .query(Long.class).single();
    }

    void insert(Domain domain, String address, Set<String> targets) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO alias (domain_id, address, created_at) VALUES (?, ?, ?)")
                .params(domain.getId(), address, OffsetDateTime.now(ZoneOffset.UTC)).update(key, "id");
        addTargets(new Alias(key.getKeyAs(Long.class), address, Set.of()), targets);
    }

    /** Adds the targets the alias does not have yet. */
    void addTargets(Alias alias, Set<String> targets) {
        Set<String> have = alias.getTargets();
        for (String t : targets) {
            if (!have.contains(t)) {
                jdbc.sql("INSERT INTO alias_target (alias_id, target) VALUES (?, ?)").params(alias.getId(), t)
                        .update();
            }
        }
    }

    /** Deletes the alias; its targets go with it ({@code ON DELETE CASCADE}). */
    void delete(Alias alias) {
        jdbc.sql("DELETE FROM alias WHERE id = ?").param(alias.getId()).update();
    }

    private List<Alias> aliases(String where, String address) {
        record Row(long id, String address, String target) {
        }
        var sql = jdbc.sql("SELECT a.id, a.address, t.target FROM alias a LEFT JOIN alias_target t ON t.alias_id = a.id "
                + where + " ORDER BY a.address, t.target");
        if (address != null) {
            sql = sql.param(address);
        }
        Map<Long, Row> heads = new LinkedHashMap<>();
        Map<Long, Set<String>> targets = new LinkedHashMap<>();
        for (Row r : sql.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3))).list()) {
            heads.putIfAbsent(r.id(), r);
            Set<String> of = targets.computeIfAbsent(r.id(), id -> new LinkedHashSet<>());
            if (r.target() != null) {
                of.add(r.target());
            }
        }
        List<Alias> all = new ArrayList<>();
        heads.forEach((id, r) -> all.add(new Alias(id, r.address(), targets.get(id))));
        return all;
    }
}
