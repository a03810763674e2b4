package org.courriel.store.search.text;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The text index of a PostgreSQL store: {@code content_text} in the database itself, so every node sees the
 * same index and it is in every backup. Searched with LIKE, which PostgreSQL's pg_trgm extension answers from
 * trigram (GIN) indexes and then checks on the row: exactly the substrings, without a check of ours.
 *
 * <p>The extension and its two indexes are made here at start, not by a migration: creating an extension
 * needs a right the store's role may lack (pg_trgm is a trusted extension since PostgreSQL 13: a database
 * owner may), and without them every search still answers right, by reading {@code content_text} row by row.
 * That case is logged once as a warning.
 */
public final class PostgresTextIndex implements TextIndex {

    private static final Logger log = LoggerFactory.getLogger(PostgresTextIndex.class);

    private final JdbcClient jdbc;

    public PostgresTextIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes the trigram indexes if they are missing; a warning when the extension cannot be had. */
    public void prepare() {
        try {
            jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_trgm").update();
            jdbc.sql("CREATE INDEX IF NOT EXISTS content_text_header_trgm ON content_text USING gin (header_text gin_trgm_ops)")
                    .update();
            jdbc.sql("CREATE INDEX IF NOT EXISTS content_text_body_trgm ON content_text USING gin (body_text gin_trgm_ops)")
                    .update();
            jdbc.sql("CREATE INDEX IF NOT EXISTS content_text_address_trgm ON content_text"
                    + " USING gin (address_text gin_trgm_ops)").update();
        } catch (RuntimeException e) {
            log.warn("Text search runs without trigram indexes (slow on large mailboxes): {}. Run "
                    + "'CREATE EXTENSION pg_trgm' as the database's owner, then restart.", e.getMessage());
        }
    }

    /** Runs in the indexer's transaction, which deletes the entries' pending rows with it. */
    @Override
    public void add(List<Entry> entries) {
        for (Entry e : entries) {
            // Indexed once, but a node whose lease ran out may write it again: the last one wins.
            jdbc.sql("""
                    INSERT INTO content_text (content_id, header_text, body_text, address_text) VALUES (?, ?, ?, ?)
                    ON CONFLICT (content_id) DO UPDATE SET header_text = EXCLUDED.header_text,
                        body_text = EXCLUDED.body_text, address_text = EXCLUDED.address_text""")
                    .params(e.contentId(), e.text().header(), e.text().body(), e.text().addresses()).update();
        }
    }

    @Override
    public List<Long> find(long mailboxId, String needle, Scope scope) {
        String pattern = "%" + escape(needle) + "%";
        String where = switch (scope) {
            case BODY -> "t.body_text LIKE :p ESCAPE '\\'";
            case TEXT -> "(t.body_text LIKE :p ESCAPE '\\' OR t.header_text LIKE :p ESCAPE '\\')";
            case HEADER_FIELDS -> "(t.header_text LIKE :p ESCAPE '\\' OR t.address_text LIKE :p ESCAPE '\\')";
        };
        return jdbc.sql("SELECT m.uid FROM message m JOIN content_text t ON t.content_id = m.content_id"
                + " WHERE m.mailbox_id = :mailbox AND " + where + " ORDER BY m.uid")
                .param("mailbox", mailboxId).param("p", pattern).query(Long.class).list();
    }

    /** The needle as a LIKE pattern's literal text. */
    static String escape(String needle) {
        return needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
