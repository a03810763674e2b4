package org.courriel.store.dkim;

import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.courriel.access.ServerProperties;
import org.courriel.store.StoreException;
import org.courriel.store.account.DomainService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DKIM keys of the local domains: made here, stored encrypted, moved pending → active → retired by the
 * admin, and handed to the signer while active. Whether a key's DNS record is published is checked by the
 * caller (the MTA has the resolver) before {@link #activate}.
 */
@Service
@Transactional
@EnableConfigurationProperties(DkimProperties.class)
public class DkimKeyService {

    private static final Logger log = LoggerFactory.getLogger(DkimKeyService.class);
    /** RFC 6376 §3.1: a selector is one or more DNS labels (sub-domain syntax of RFC 5321). */
    private static final Pattern SELECTOR = Pattern.compile(
            "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final DateTimeFormatter SELECTOR_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final DomainService domains;
    private final DkimKeyVault vault;
    private final Clock clock;

    @Autowired
    DkimKeyService(JdbcClient jdbc, DomainService domains, DkimProperties properties, ServerProperties server) {
        this(jdbc, domains, new DkimKeyVault(masterKeyFile(properties, server)), Clock.systemUTC());
    }

    DkimKeyService(JdbcClient jdbc, DomainService domains, DkimKeyVault vault, Clock clock) {
        this.jdbc = jdbc;
        this.domains = domains;
        this.vault = vault;
        this.clock = clock;
    }

    private static Path masterKeyFile(DkimProperties properties, ServerProperties server) {
        return properties.masterKeyFile() != null ? properties.masterKeyFile()
                : server.dataDir().resolve("keys").resolve("dkim-master.key");
    }

    /**
     * Makes a new pending key for a local domain.
     *
     * @param selector the s= name, or null for one made of today's date and the algorithm ({@code c20261202e})
     */
    public DkimKey add(String domain, String selector, DkimAlgorithm algorithm) {
        String d = domain(domain);
        String s = selector == null ? freeSelector(d, algorithm) : selector(selector);
        if (find(d, s) != null) {
            throw StoreException.exists("DKIM selector " + s + " of " + d);
        }
        KeyPair pair = DkimKeyPairs.generate(algorithm);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO dkim_key (domain, selector, algorithm, public_key, private_key, state, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(d, s, algorithm.tag(), DkimKeyPairs.publicKeyText(algorithm, pair.getPublic()),
                        vault.encrypt(pair.getPrivate().getEncoded(), owner(d, s)), DkimKeyState.PENDING.column(),
                        utc(now))
                .update();
        return find(d, s);
    }

    /** Every key, by domain and selector. */
    @Transactional(readOnly = true)
    public List<DkimKey> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dkim_key ORDER BY domain, selector").query(DkimKeyService::key).list();
    }

    /** The keys of one domain, by selector. */
    @Transactional(readOnly = true)
    public List<DkimKey> list(String domain) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dkim_key WHERE domain = ? ORDER BY selector")
                .param(domain(domain)).query(DkimKeyService::key).list();
    }

    /** The key of that selector. */
    @Transactional(readOnly = true)
    public DkimKey get(String domain, String selector) {
        DkimKey key = find(domain(domain), selector(selector));
        if (key == null) {
            throw StoreException.notFound("DKIM selector " + selector + " of " + domain);
        }
        return key;
    }

    /** A pending key starts signing; an active one stays so; a retired one cannot come back. */
    public DkimKey activate(String domain, String selector) {
        DkimKey key = get(domain, selector);
        if (key.state() == DkimKeyState.RETIRED) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED,
                    "DKIM selector " + key.selector() + " of " + key.domain() + " is retired; add a new one");
        }
        jdbc.sql("UPDATE dkim_key SET state = ?, activated_at = ? WHERE domain = ? AND selector = ? AND state = ?")
                .params(DkimKeyState.ACTIVE.column(), utc(clock.instant()), key.domain(), key.selector(),
                        DkimKeyState.PENDING.column())
                .update();
        return get(domain, selector);
    }

    /** The key stops signing at once; its DNS record should stay published a few days for mail in flight. */
    public DkimKey retire(String domain, String selector) {
        DkimKey key = get(domain, selector);
        jdbc.sql("UPDATE dkim_key SET state = ?, retired_at = ? WHERE domain = ? AND selector = ? AND state <> ?")
                .params(DkimKeyState.RETIRED.column(), utc(clock.instant()), key.domain(), key.selector(),
                        DkimKeyState.RETIRED.column())
                .update();
        return get(domain, selector);
    }

    /**
     * The active keys of a domain with their private halves, at most one per algorithm (the most recently
     * activated), for signing. A key that does not decrypt is left out with a warning: mail still flows.
     */
    @Transactional(readOnly = true)
    public List<DkimSigningKey> signingKeys(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        record Row(DkimKey key, String sealed) {
        }
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + ", private_key FROM dkim_key WHERE domain = ? AND state = ?"
                        + " ORDER BY activated_at DESC, id DESC")
                .params(d, DkimKeyState.ACTIVE.column())
                .query((rs, n) -> new Row(key(rs, n), rs.getString("private_key"))).list();
        List<DkimSigningKey> keys = new ArrayList<>();
        for (Row row : rows) {
            DkimAlgorithm algorithm = row.key().algorithm();
            if (keys.stream().anyMatch(k -> k.key().algorithm() == algorithm)) {
                continue; // an older active key of the same kind: rotation in progress, the newer one signs
            }
            try {
                byte[] pkcs8 = vault.decrypt(row.sealed(), owner(d, row.key().selector()));
                keys.add(new DkimSigningKey(row.key(), DkimKeyPairs.privateKey(algorithm, pkcs8)));
            } catch (IllegalStateException e) {
                log.warn("DKIM key {} not used: {}", row.key().recordName(), e.getMessage());
            }
        }
        return keys;
    }

    private String freeSelector(String domain, DkimAlgorithm algorithm) {
        String base = "c" + LocalDate.now(clock.withZone(ZoneOffset.UTC)).format(SELECTOR_DATE)
                + (algorithm == DkimAlgorithm.RSA_SHA256 ? "r" : "e");
        String candidate = base;
        for (int i = 2; find(domain, candidate) != null; i++) {
            candidate = base + i;
        }
        return candidate;
    }

    private DkimKey find(String domain, String selector) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dkim_key WHERE domain = ? AND selector = ?")
                .params(domain, selector).query(DkimKeyService::key).optional().orElse(null);
    }

    private String domain(String name) {
        String d = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (!domains.isLocal(d)) {
            throw StoreException.notFound("domain " + name);
        }
        return d;
    }

    private static String selector(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        if (s.length() > 200 || !SELECTOR.matcher(s).matches()) {
            throw StoreException.invalid("not a DKIM selector (letters, digits, '-' and '.'): " + name);
        }
        return s;
    }

    /** The associated data of a sealed key. */
    private static String owner(String domain, String selector) {
        return selector + "._domainkey." + domain;
    }

    private static final String COLUMNS =
            "domain, selector, algorithm, public_key, state, created_at, activated_at, retired_at";

    private static DkimKey key(ResultSet rs, int row) throws SQLException {
        return new DkimKey(rs.getString("domain"), rs.getString("selector"), DkimAlgorithm.of(rs.getString("algorithm")),
                rs.getString("public_key"), DkimKeyState.ofColumn(rs.getString("state")), instant(rs, "created_at"),
                instant(rs, "activated_at"), instant(rs, "retired_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
