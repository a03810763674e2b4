-- The counters of STATUS (RFC 9051 §6.3.11 MESSAGES, UNSEEN, DELETED; RFC 8438 SIZE) kept on the mailbox row, so
-- that STATUS, SELECT and LIST-STATUS read one row instead of counting the mailbox's messages. Every change that
-- moves them (org.courriel.store.message.MessageWriter) updates them in its own transaction, under the row lock
-- that it takes anyway to allocate UIDs and a MODSEQ, so they agree with the message rows on every node.
-- Mailboxes that exist at the upgrade are counted once here.
ALTER TABLE mailbox ADD COLUMN message_count BIGINT DEFAULT 0 NOT NULL;

ALTER TABLE mailbox ADD COLUMN unseen_count BIGINT DEFAULT 0 NOT NULL;

ALTER TABLE mailbox ADD COLUMN deleted_count BIGINT DEFAULT 0 NOT NULL;

ALTER TABLE mailbox ADD COLUMN total_size BIGINT DEFAULT 0 NOT NULL;

-- system_flags is the bit set of SystemFlag: bit 0 is \Seen, bit 3 is \Deleted
UPDATE mailbox SET (message_count, unseen_count, deleted_count, total_size) = (
    SELECT COUNT(*),
           COALESCE(SUM(1 - MOD(m.system_flags, 2)), 0),
           COALESCE(SUM(MOD(m.system_flags / 8, 2)), 0),
           COALESCE(SUM(m.size), 0)
    FROM message m WHERE m.mailbox_id = mailbox.id);

-- The first unseen message of SELECT's [UNSEEN n] (RFC 3501 §6.3.1): one sorted lookup per value of system_flags
-- without \Seen, whatever the mailbox's size (org.courriel.store.message.MessageReader#firstUnseen).
CREATE INDEX message_flags_idx ON message (mailbox_id, system_flags, uid);
