-- The mail log's queue id of each queue entry (issue 14): the id its from= line was written with at intake,
-- so that every later line of the queue (attempts, notifications) carries the same one.
ALTER TABLE queue_message ADD COLUMN log_id VARCHAR(16);
