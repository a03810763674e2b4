-- A domain-shared mailbox (info@example.org, seen as "Shared Folders/info") is owned by an account row of its
-- own, marked shared: it has an address that receives mail and mailboxes (its INBOX and children), but no login
-- (its password hash matches no password and authentication refuses it) and no special-use folders. Who reads it
-- is its ACL (mailbox_acl).
ALTER TABLE account ADD COLUMN shared BOOLEAN DEFAULT FALSE NOT NULL;
