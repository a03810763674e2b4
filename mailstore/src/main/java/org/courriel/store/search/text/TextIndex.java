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
     * Indexes the entries (again, for a content already indexed: the text replaces what the index held);
     * durable when it returns, so that their pending rows may go.
     */
    void add(List<Entry> entries);

    /**
     * The UIDs, ascending, of the mailbox's messages whose indexed text contains {@code needle}, in the header or
     * body text ({@code headerToo}, TEXT) or in the body text alone (BODY).
     *
     * @param needle as {@link IndexedText#needle} returned it, never null
     */
    List<Long> find(long mailboxId, String needle, boolean headerToo);

}
