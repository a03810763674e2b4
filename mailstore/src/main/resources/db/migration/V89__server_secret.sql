-- Secrets of the server that every node must share and that never change (org.courriel.store.secret.ServerSecrets),
-- one row per use, generated on first use: 'scram-stand-in' keys the salts SCRAM-SHA-256 shows for names of no
-- account, so that they stay the same across nodes and restarts as a real account's do (RFC 5802 §9).
CREATE TABLE server_secret (
    name        VARCHAR(64)  PRIMARY KEY,
    secret      VARCHAR(64)  NOT NULL,          -- base64 of 32 random bytes
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
