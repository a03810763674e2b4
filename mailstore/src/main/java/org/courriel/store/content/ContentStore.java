package org.courriel.store.content;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.courriel.access.metrics.CachedReading;
import org.courriel.store.StoreException;
import org.courriel.store.mime.MessageSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Message bytes addressed by SHA-256, each stored once and reference counted: copies and the recipients of
 * one delivery share a row; the row goes when its last message is expunged. A new content gets its SORT and THREAD
 * keys in the same transaction ({@link SortFieldStore}) and is queued for the full-text index
 * ({@code text_index_pending}, see {@code org.courriel.store.search.text.TextIndexer}). Runs inside the caller's
 * transaction.
 */
@Repository
public class ContentStore {

    /** How long one reading of the store size serves scrapes (it sums a column over every content). */
    static final Duration SIZE_READING_TTL = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final SortFieldStore sortFields;
    private final Counter stored;
    private final Counter storedBytes;
    private final Counter deduplicated;

    public ContentStore(JdbcClient jdbc, SortFieldStore sortFields, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.sortFields = sortFields;
        this.stored = Counter.builder("courriel.store.content.stored")
                .description("Distinct message contents written").register(meters);
        this.storedBytes = Counter.builder("courriel.store.content.bytes")
                .description("Bytes of distinct message contents written").baseUnit("bytes").register(meters);
        this.deduplicated = Counter.builder("courriel.store.content.deduplicated")
                .description("References to a content that was stored already").register(meters);
        CachedReading<Long> size = new CachedReading<>("the store size", SIZE_READING_TTL, this::totalSize);
        Gauge.builder("courriel.store.size", size, s -> s.get() == null ? Double.NaN : s.get())
                .description("Bytes of message content held now, each distinct content once").baseUnit("bytes")
                .strongReference(true).register(meters);
    }

    /** Bytes of every content held (each distinct content counted once, however many messages share it). */
    public long totalSize() {
        return jdbc.sql("SELECT COALESCE(SUM(size), 0) FROM content").query(Long.class).single();
    }

    /**
     * Adds {@code references} references to the content, storing it first if it is new.
     *
     * @return the content's id
     */
    public long reference(MessageContent content, int references) {
        // No SELECT ... FOR UPDATE: H2 does not keep such a statement in its per-session statement cache, so it
        // parsed it again for every delivery (5 % of the ingest bench's CPU). The UPDATE takes the same row lock;
        // a row another transaction released and deleted between the two statements updates nothing, and the
        // content is then stored anew, as it would have been had the SELECT not found it.
        Optional<Long> existing = jdbc.sql("SELECT id FROM content WHERE sha256 = ?")
                .param(content.sha256()).query(Long.class).optional();
        if (existing.isPresent() && jdbc.sql("UPDATE content SET ref_count = ref_count + ? WHERE id = ?")
                .params(references, existing.get()).update() == 1) {
            deduplicated.increment(references);
            return existing.get();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO content (sha256, size, ref_count, summary, created_at, preview) VALUES (?, ?, ?, ?, ?, ?)")
                .params(content.sha256(), content.size(), references,
                        content.summaryJson(), OffsetDateTime.now(ZoneOffset.UTC), content.preview())
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        jdbc.sql("INSERT INTO content_header (content_id, header) VALUES (?, ?)").params(id, content.header()).update();
        jdbc.sql("INSERT INTO content_body (content_id, body) VALUES (?, ?)").params(id, content.body()).update();
        jdbc.sql("INSERT INTO text_index_pending (content_id) VALUES (?)").param(id).update();
        sortFields.insert(id, content.summary().envelope(), content.header());
        stored.increment();
        storedBytes.increment(content.size());
        if (references > 1) {
            deduplicated.increment(references - 1);
        }
        return id;
    }

    /** Adds references to a content already stored (COPY). */
    public void addReferences(long contentId, int references) {
        jdbc.sql("UPDATE content SET ref_count = ref_count + ? WHERE id = ?").params(references, contentId).update();
        deduplicated.increment(references);
    }

    /** Drops references; the content is deleted with its last one. */
    public void release(long contentId, int references) {
        jdbc.sql("UPDATE content SET ref_count = ref_count - ? WHERE id = ?").params(references, contentId).update();
        jdbc.sql("DELETE FROM content WHERE id = ? AND ref_count <= 0").param(contentId).update();
    }

    /** The header section, up to and including the empty line. */
    public byte[] header(long contentId) {
        return jdbc.sql("SELECT header FROM content_header WHERE content_id = ?").param(contentId)
                .query(byte[].class).optional()
                .orElseThrow(() -> StoreException.notFound("content " + contentId));
    }

    /** The exact bytes received. */
    public byte[] bytes(long contentId) {
        return jdbc.sql("SELECT h.header, b.body FROM content_header h"
                        + " JOIN content_body b ON b.content_id = h.content_id WHERE h.content_id = ?")
                .param(contentId)
                .query((rs, n) -> {
                    byte[] header = rs.getBytes(1);
                    byte[] body = rs.getBytes(2);
                    byte[] all = new byte[header.length + body.length];
                    System.arraycopy(header, 0, all, 0, header.length);
                    System.arraycopy(body, 0, all, header.length, body.length);
                    return all;
                })
                .optional()
                .orElseThrow(() -> StoreException.notFound("content " + contentId));
    }

    public MessageSummary summary(long contentId) {
        return jdbc.sql("SELECT summary FROM content WHERE id = ?").param(contentId).query(String.class).optional()
                .map(SummaryCodec::decode)
                .orElseThrow(() -> StoreException.notFound("content " + contentId));
    }

    /**
     * Keeps the preview computed for a content stored before previews were (RFC 8970): a cache of what the bytes
     * say, so it is written outside any message transaction and not synced; a crash only computes it again.
     */
    public void keepPreview(long contentId, String preview) {
        jdbc.sql("UPDATE content SET preview = ? WHERE id = ? AND preview IS NULL").params(preview, contentId).update();
    }

    /** Number of distinct contents stored; for tests and metrics. */
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM content").query(Long.class).single();
    }
}
