package org.courriel.store.search.text;

import java.util.List;

/**
 * Where the text of each content is indexed for SEARCH TEXT and BODY: a Lucene directory beside an embedded H2
 * file ({@link LuceneTextIndex}), or PostgreSQL's own table with trigram indexes ({@link PostgresTextIndex}).
 * Fed by {@link TextIndexer}; asked by {@link TextSearch}, which adds what the index cannot know yet.
 */
public interface TextIndex {

    /** One content's text, to be indexed under its id. */
    record Entry(long contentId, IndexedText text) {
    }

    /**
     * Indexes the entries (again, for a content already indexed: the text replaces what the index held). In the
     * database (PostgreSQL) they are written in the caller's transaction; outside it (Lucene) they are held until
     * {@link #commit()}, and only then may their pending rows go.
     */
    void add(List<Entry> entries);

    /**
     * Makes what {@link #add} gave durable and searchable. Nothing to do where the index is in the database: its
     * rows are both once the caller's transaction commits.
     */
    default void commit() {
    }

    /** Where in the indexed text a key looks. */
    enum Scope {
        /** BODY: the body text. */
        BODY,
        /** TEXT: header and body text. */
        TEXT,
        /**
         * A header key (FROM, TO, CC, BCC, SUBJECT, HEADER): the header text and the address forms. Its answer holds
         * every message the key can match and maybe more (the needle in another field): the key checks each.
         */
        HEADER_FIELDS
    }

    /**
     * The UIDs, ascending, of the mailbox's messages whose indexed text contains {@code needle} where
     * {@code scope} looks ({@link IndexedText#holds}).
     *
     * @param needle as {@link IndexedText#needle} returned it, never null
     */
    List<Long> find(long mailboxId, String needle, Scope scope);

}
