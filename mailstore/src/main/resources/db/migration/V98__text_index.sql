-- Full-text search (issue 16, target 7): the text IMAP SEARCH TEXT/BODY and the REST text filter compare
-- (org.courriel.store.search.text.IndexedText), indexed once per distinct content.
--
-- Contents not indexed yet. A new content is added in the transaction that stores it; the indexer takes rows
-- from here, indexes them and deletes them, so indexing resumes where it stopped after a crash. A search
-- treats the messages of these contents as the index did not know them: it reads and matches them itself.
-- On PostgreSQL a node leases the rows it takes (claimed_until) instead of holding their locks while it reads
-- and indexes them: an expunge that deletes a content never waits for an indexer's batch.
CREATE TABLE text_index_pending (
    content_id     BIGINT NOT NULL PRIMARY KEY REFERENCES content (id) ON DELETE CASCADE,
    claimed_until  TIMESTAMP WITH TIME ZONE
);

-- Every content stored before this migration waits for the indexer.
INSERT INTO text_index_pending (content_id) SELECT id FROM content;

-- Contents whose text was longer than the index takes (courriel.store.text-index.max-chars): indexed as far as
-- it goes, so the index's "yes" holds and its "no" does not (or whose text could not be read at all: nothing indexed);
-- a search reads and matches these itself.
CREATE TABLE text_index_partial (
    content_id  BIGINT NOT NULL PRIMARY KEY REFERENCES content (id) ON DELETE CASCADE
);

-- On PostgreSQL the index lives here: the folded header, body and address text, searched with LIKE through pg_trgm's
-- trigram indexes (created at start when the extension can be: org.courriel.store.search.text.PostgresTextIndex).
-- On H2 the index is a Lucene directory beside the database file and this table stays empty.
CREATE TABLE content_text (
    content_id   BIGINT NOT NULL PRIMARY KEY REFERENCES content (id) ON DELETE CASCADE,
    header_text   VARCHAR NOT NULL,
    body_text     VARCHAR NOT NULL,
    address_text  VARCHAR NOT NULL      -- the parsed forms of the From, To, Cc and Bcc addresses
);

-- Which Lucene index belongs to this database: a random name the index writes here the first time and into each
-- of its commits. An index that names another (left beside a database file that was replaced or started anew,
-- whose content ids now name other mail) is emptied and rebuilt.
CREATE TABLE text_index_owner (
    name  VARCHAR(36) NOT NULL PRIMARY KEY
);
