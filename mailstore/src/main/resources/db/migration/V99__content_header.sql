-- The header section in a table of its own (issue 16, target 3): a client's first sync reads the header of
-- every message in a mailbox, and each read of a content row decoded its summary, digest and preview strings
-- too, more than twice the header's bytes, of which the sync needs none. Rows are keyed by content id, which
-- ascends with arrival, so the headers of a mailbox filled by delivery lie in UID order and a scan of them reads
-- consecutive pages.
CREATE TABLE content_header (
    content_id  BIGINT NOT NULL PRIMARY KEY REFERENCES content (id) ON DELETE CASCADE,
    header      BYTEA NOT NULL       -- the header section, up to and including the empty line
);

INSERT INTO content_header (content_id, header) SELECT id, header FROM content;

ALTER TABLE content DROP COLUMN header;
