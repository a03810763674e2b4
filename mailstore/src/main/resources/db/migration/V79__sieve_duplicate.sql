-- Identifiers seen by the Sieve duplicate test (RFC 7352), per account, so that every node sees them.
-- id_key: SHA-256 (hex) of the test's handle and the message's identifier; expires_at: when it is forgotten.
CREATE TABLE sieve_duplicate (
    account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    id_key      CHAR(64) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sieve_duplicate_pk PRIMARY KEY (account_id, id_key)
);
