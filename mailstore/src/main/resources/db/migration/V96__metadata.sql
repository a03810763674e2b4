-- IMAP METADATA (RFC 5464): annotations of the server and of mailboxes. An entry name (lower case, entry names
-- are case-insensitive, RFC 5464 §3.2) starts with /private or /shared; user_id is the account a /private
-- entry belongs to and 0 for a /shared one (RFC 5464 §3.3). Mailbox entries follow their mailbox by id, so a
-- RENAME keeps them and a DELETE removes them (RFC 5464 §4.1).
CREATE TABLE server_metadata (
    user_id     BIGINT NOT NULL,
    name        VARCHAR(1024) NOT NULL,
    entry_value BYTEA NOT NULL,
    CONSTRAINT server_metadata_pk PRIMARY KEY (user_id, name)
);

CREATE TABLE mailbox_metadata (
    mailbox_id  BIGINT NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL,
    name        VARCHAR(1024) NOT NULL,
    entry_value BYTEA NOT NULL,
    CONSTRAINT mailbox_metadata_pk PRIMARY KEY (mailbox_id, user_id, name)
);

CREATE INDEX mailbox_metadata_user ON mailbox_metadata (user_id);
