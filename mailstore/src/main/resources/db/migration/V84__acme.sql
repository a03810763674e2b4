-- ACME (RFC 8555): the account key, the certificate in use and the pending HTTP-01 challenges, in the store so
-- that every node serves the same certificate and answers the CA's validation request whichever node it hits.
-- Key pairs are PEM text: the store is readable by the server's database user only (docs/security.md).
-- The same SQL runs on H2 and PostgreSQL.
CREATE TABLE acme_account (
    directory_url  VARCHAR(2048) NOT NULL PRIMARY KEY,   -- one account per CA directory
    key_pair       VARCHAR(16384) NOT NULL,              -- PEM
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE acme_certificate (
    name           VARCHAR(64) NOT NULL PRIMARY KEY,     -- 'server': the certificate of every listener
    names          VARCHAR(16384) NOT NULL,              -- the DNS names it covers, comma separated
    key_pair       VARCHAR(16384) NOT NULL,              -- PEM
    chain          VARCHAR(65536) NOT NULL,              -- PEM, leaf first
    not_after      TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- RFC 8555 §8.3: the key authorization served at /.well-known/acme-challenge/<token>.
CREATE TABLE acme_challenge (
    token          VARCHAR(256) NOT NULL PRIMARY KEY,
    key_authorization VARCHAR(1024) NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
