-- Access control lists (RFC 4314): the rights an identifier holds on a mailbox. The identifier is an account's
-- address (lower case) or 'anyone', which means every account of the owner's domain. The owner of a mailbox
-- holds every right implicitly and has no row. Rights are the letters of RFC 4314 §2.1 in canonical order,
-- never empty (an empty grant is the absence of a row). Deleting a mailbox deletes its ACL (RFC 4314 §4).
CREATE TABLE mailbox_acl (
    mailbox_id  BIGINT NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
    identifier  VARCHAR(320) NOT NULL,
    rights      VARCHAR(16) NOT NULL,
    CONSTRAINT mailbox_acl_pk PRIMARY KEY (mailbox_id, identifier)
);

CREATE INDEX mailbox_acl_identifier_idx ON mailbox_acl (identifier);
