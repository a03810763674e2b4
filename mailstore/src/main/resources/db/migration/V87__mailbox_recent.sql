-- The \Recent watermark of IMAP4rev1 (RFC 3501 §2.3.2): the highest UID some session has claimed by SELECT.
-- A message above it is recent to the next session that selects the mailbox, on whichever node. Mailboxes that
-- exist at the upgrade start with everything claimed, so an upgrade does not make old mail recent again.
ALTER TABLE mailbox ADD COLUMN recent_uid BIGINT DEFAULT 0 NOT NULL;

UPDATE mailbox SET recent_uid = uid_next - 1;
