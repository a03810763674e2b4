-- Exclusive access to a mailbox for a while (RFC 1939 §8: a POP3 session locks its maildrop).
-- One row per leased mailbox: the PRIMARY KEY makes taking a lease atomic across nodes, and the expiry frees
-- the mailbox of a node that died holding it.
CREATE TABLE mailbox_lease (
    mailbox_id  BIGINT NOT NULL PRIMARY KEY REFERENCES mailbox (id) ON DELETE CASCADE,
    holder      VARCHAR(64) NOT NULL,     -- a random token of the session holding it
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
