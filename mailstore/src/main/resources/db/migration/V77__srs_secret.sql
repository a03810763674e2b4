-- Secrets of the Sender Rewriting Scheme (org.courriel.store.srs.SrsSecrets): the keys of the HMAC that signs
-- rewritten reverse-paths (SRS0=hash=tt=domain=local@forwarder). In the store, so that a bounce is accepted by
-- whichever node it reaches. The highest serial signs; every row is accepted, so that a rotated secret keeps
-- the addresses it signed valid until an administrator removes it. Serial 1 is generated on first use.
CREATE TABLE srs_secret (
    serial      INTEGER      PRIMARY KEY,
    secret      VARCHAR(64)  NOT NULL,          -- base64 of 32 random bytes
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
