-- Whether the queued message's envelope sender is known to be genuine (issue 12, no backscatter): it came from
-- an authenticated account or from the server itself, or it passed SPF (or DMARC by an aligned DKIM signature)
-- at our MX. A delivery status notification (failure or delay) goes only to such a sender; otherwise the failure
-- is written to the mail log alone. Rows queued before this column existed keep notifying, as they did.
ALTER TABLE queue_message ADD COLUMN sender_verified BOOLEAN DEFAULT TRUE NOT NULL;
