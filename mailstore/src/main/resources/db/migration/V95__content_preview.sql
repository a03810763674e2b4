-- The preview of IMAP PREVIEW (RFC 8970 §3): at most 200 characters of the message's text, computed once when
-- the content is first stored (org.courriel.store.preview.MessagePreview); '' when the message has no text.
-- NULL for contents stored before the upgrade: the first FETCH PREVIEW without LAZY computes and keeps it.
ALTER TABLE content ADD COLUMN preview VARCHAR(1000);
