-- The save date of IMAP SAVEDATE (RFC 8514 §3): when the message was saved into the mailbox it is in. Every
-- insert (append, delivery, copy, move) takes the database's current time from the default, so a copy or a
-- move gets a new one and the writer's statements need not name the column. Messages stored before the upgrade
-- take their internal date, the best estimate there is (for a delivery, the same moment).
ALTER TABLE message ADD COLUMN save_date TIMESTAMP WITH TIME ZONE;

UPDATE message SET save_date = internal_date;

ALTER TABLE message ALTER COLUMN save_date SET DEFAULT CURRENT_TIMESTAMP;

ALTER TABLE message ALTER COLUMN save_date SET NOT NULL;
