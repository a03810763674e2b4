-- SCRAM-SHA-256 (RFC 7677) keys beside the bcrypt hash, set with each password: base64 salt, StoredKey and
-- ServerKey and the iteration count. Accounts whose password was set before stay without them (NULL) until
-- the next password change: SCRAM then fails for them as a wrong password would, PLAIN still works.
ALTER TABLE account ADD COLUMN scram_salt VARCHAR(64);
ALTER TABLE account ADD COLUMN scram_iterations INTEGER;
ALTER TABLE account ADD COLUMN scram_stored_key VARCHAR(64);
ALTER TABLE account ADD COLUMN scram_server_key VARCHAR(64);
