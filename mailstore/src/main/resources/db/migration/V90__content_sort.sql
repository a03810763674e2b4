-- The sort keys of SORT and SORT=DISPLAY (RFC 5256 §3, RFC 5957 §4), one row per content: computed from the
-- envelope when the content is first stored, shared by every message (copy, recipient) of that content, gone with
-- it. Keys are the i;unicode-casemap canonical form (RFC 5051) as UTF-8 octets, so ordering the bytes is the
-- collation on H2 and PostgreSQL alike. Contents stored before this migration get their row when a mailbox that
-- holds them is first sorted (org.courriel.store.content.SortFieldStore#fillMissing).
CREATE TABLE content_sort (
    content_id       BIGINT NOT NULL PRIMARY KEY REFERENCES content (id) ON DELETE CASCADE,
    base_subject     BYTEA NOT NULL,      -- RFC 5256 §2.1
    subject_reply    BOOLEAN NOT NULL,    -- the subject marks a reply or forward (§3 REFERENCES)
    from_mailbox     BYTEA NOT NULL,      -- addr-mailbox of the first From address
    to_mailbox       BYTEA NOT NULL,
    cc_mailbox       BYTEA NOT NULL,
    display_from     BYTEA NOT NULL,      -- RFC 5957 §3
    display_to       BYTEA NOT NULL
);
