-- Subscriptions are names, not mailboxes (RFC 9051 §6.3.7, RFC 3501 §6.3.6): a name may be subscribed without a
-- mailbox, and deleting or renaming a mailbox leaves its subscription alone. The flags kept on the mailbox rows
-- until now become rows here.
CREATE TABLE mailbox_subscription (
    account_id BIGINT NOT NULL REFERENCES account (id),
    name       VARCHAR(1000) NOT NULL,
    CONSTRAINT mailbox_subscription_pk PRIMARY KEY (account_id, name)
);

INSERT INTO mailbox_subscription (account_id, name)
    SELECT account_id, name FROM mailbox WHERE subscribed = TRUE;

ALTER TABLE mailbox DROP COLUMN subscribed;
