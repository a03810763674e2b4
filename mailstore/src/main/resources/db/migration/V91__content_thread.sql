-- What THREAD=REFERENCES (RFC 5256 §3) links messages by, beside the sort keys of V90: the normalised Message-ID
-- and the references (the References field's message IDs, else the first of In-Reply-To), space-separated, the last
-- ones kept when they do not fit. Rows that V90 filled before this migration are emptied so that they are computed
-- again, with these columns, when their mailbox is next sorted or threaded.
ALTER TABLE content_sort ADD COLUMN message_id VARCHAR(250);
ALTER TABLE content_sort ADD COLUMN parent_ids VARCHAR(4000);
DELETE FROM content_sort;
