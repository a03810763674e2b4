package org.courriel.store.search.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The text index of an embedded H2 store: a Lucene directory of one document per content, its header, body and
 * address text as {@link TrigramTokens} with positions. A needle's trigrams at their distances (a phrase query) find
 * exactly the texts holding it, so no match needs a check. One node owns an H2 file, so one node owns this
 * directory; it is a derived copy, rebuilt from the database when lost.
 *
 * <p>Each commit records the index's {@link #FORMAT} and the name of its database ({@code text_index_owner}): a
 * directory of another format, or of another database (one left beside a database file that was replaced or
 * started anew, whose content ids now name other mail), asks for a rebuild and is emptied. Documents of contents
 * deleted since stay until then: a search maps contents to the mailbox's messages, which they have none of.
 */
public final class LuceneTextIndex implements TextIndex, AutoCloseable {

    /** The layout of the documents; a change of {@link TrigramTokens} or {@link IndexedText} raises it. */
    static final String FORMAT = "trigram-2";

    private static final String ID = "id";
    private static final String ID_VALUE = "id_value";
    private static final String HEADER = "header";
    private static final String BODY = "body";
    private static final String ADDRESSES = "addresses";
    private static final String FORMAT_KEY = "format";
    private static final String OWNER_KEY = "owner";

    private static final FieldType TRIGRAMS = trigrams();
    private static final Logger log = LoggerFactory.getLogger(LuceneTextIndex.class);

    private final Directory directory;
    private final JdbcClient jdbc;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean rebuild;
    private final String owner;

    /** Opens (or creates) the index in {@code directory}; {@code jdbc} maps contents to mailbox messages. */
    public LuceneTextIndex(Directory directory, JdbcClient jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
        try {
            Map<String, String> committed = committedData(directory);
            this.owner = owner(jdbc);
            this.rebuild = committed == null || !FORMAT.equals(committed.get(FORMAT_KEY))
                    || !owner.equals(committed.get(OWNER_KEY));
            if (committed == null) {
                // Nothing readable: whatever lies there (a torn first commit, foreign files) would stop the writer.
                for (String file : directory.listAll()) {
                    directory.deleteFile(file);
                }
            }
            if (rebuild) {
                queueEverything(jdbc);
            }
            IndexWriterConfig config = new IndexWriterConfig().setOpenMode(rebuild
                    ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            this.writer = new IndexWriter(directory, config);
            if (rebuild) {
                // only once every content waits in the queue: a crash before this commit rebuilds again
                commitData();
            }
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the text index in " + directory, e);
        }
    }

    /** Whether the directory found at open was lost, new or another database's, and so emptied and refilled. */
    boolean needsRebuild() {
        return rebuild;
    }

    @Override
    public synchronized void add(List<Entry> entries) {
        try {
            for (Entry e : entries) {
                Document doc = new Document();
                doc.add(new StringField(ID, Long.toString(e.contentId()), Field.Store.NO));
                doc.add(new NumericDocValuesField(ID_VALUE, e.contentId()));
                doc.add(new Field(HEADER, new TrigramTokens(e.text().header()), TRIGRAMS));
                doc.add(new Field(BODY, new TrigramTokens(e.text().body()), TRIGRAMS));
                doc.add(new Field(ADDRESSES, new TrigramTokens(e.text().addresses()), TRIGRAMS));
                writer.updateDocument(new Term(ID, Long.toString(e.contentId())), doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the text index", e);
        }
    }

    /**
     * A Lucene commit (each flushes a segment and syncs its files; a commit per batch of 100 was a quarter of
     * indexing's time at 4 KiB, and the many small segments kept merge threads busy), then a searcher that sees
     * it. Searches never see documents that are not committed: until then their contents are still queued, and a
     * search reads those itself.
     */
    @Override
    public synchronized void commit() {
        try {
            commitData();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit the text index", e);
        }
    }

    @Override
    public List<Long> find(long mailboxId, String needle, Scope scope) {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        List<String> fields = switch (scope) {
            case BODY -> List.of(BODY);
            case TEXT -> List.of(BODY, HEADER);
            case HEADER_FIELDS -> List.of(HEADER, ADDRESSES);
        };
        for (String field : fields) {
            text.add(phrase(field, needle), BooleanClause.Occur.SHOULD);
        }
        long[] matched;
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                matched = contents(searcher, text.build());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the text index", e);
        }
        return ContentIds.uids(jdbc, mailboxId, matched);
    }

    /**
     * The needle's trigrams at their offsets: every third one and the last, which between them cover each
     * code point at its place (the others add nothing to the match).
     */
    static Query phrase(String field, String needle) {
        String[] trigrams = TrigramTokens.of(needle);
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int i = 0; i < trigrams.length; i += IndexedText.MIN_NEEDLE) {
            phrase.add(new Term(field, trigrams[i]), i);
        }
        int last = trigrams.length - 1;
        if (last % IndexedText.MIN_NEEDLE != 0) {
            phrase.add(new Term(field, trigrams[last]), last);
        }
        return phrase.build();
    }

    /** The content ids of the documents matching, sorted. */
    private static long[] contents(IndexSearcher searcher, Query query) throws IOException {
        long[] ids = searcher.search(query, new CollectorManager<IdCollector, long[]>() {
            @Override
            public IdCollector newCollector() {
                return new IdCollector();
            }

            @Override
            public long[] reduce(java.util.Collection<IdCollector> collectors) {
                return collectors.stream().flatMapToLong(c -> Arrays.stream(c.ids, 0, c.size)).toArray();
            }
        });
        Arrays.sort(ids);
        return ids;
    }

    private void commitData() throws IOException {
        writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT, OWNER_KEY, owner).entrySet());
        writer.commit();
    }

    /**
     * Queues every content of the store for the new index, before the index's first commit says it is this
     * database's: pending rows first, then the partial list cleared, so that no content is ever in neither.
     */
    private static void queueEverything(JdbcClient jdbc) {
        int queued = jdbc.sql("INSERT INTO text_index_pending (content_id) SELECT id FROM content c"
                + " WHERE NOT EXISTS (SELECT 1 FROM text_index_pending p WHERE p.content_id = c.id)").update();
        jdbc.sql("DELETE FROM text_index_partial").update();
        log.info("The full-text index is new or was not this database's: {} message contents queued for it", queued);
    }

    /** The database's name for its index, given on first use. */
    private static String owner(JdbcClient jdbc) {
        return jdbc.sql("SELECT name FROM text_index_owner").query(String.class).optional().orElseGet(() -> {
            String name = UUID.randomUUID().toString();
            jdbc.sql("INSERT INTO text_index_owner (name) VALUES (?)").param(name).update();
            return name;
        });
    }

    /** The user data of the directory's last commit, or null when it has none (new, or not an index). */
    private static Map<String, String> committedData(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return null;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                return reader.getIndexCommit().getUserData();
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable directory (a crash of the disk, another program's files) is rebuilt.
            return null;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    private static FieldType trigrams() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    /** Collects the content id of each matching document. */
    private static final class IdCollector extends SimpleCollector {
        private NumericDocValues values;
        private long[] ids = new long[64];
        private int size;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            values = DocValues.getNumeric(context.reader(), ID_VALUE);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (values.advanceExact(doc)) {
                if (size == ids.length) {
                    ids = Arrays.copyOf(ids, size * 2);
                }
                ids[size++] = values.longValue();
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
