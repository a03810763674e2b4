-- RFC 8689 (issue 11): what a queued message asks of the TLS of its onward hops. require_tls: MAIL had
-- REQUIRETLS, so it goes only over verified TLS to a server that offers REQUIRETLS. tls_optional: the message
-- has "TLS-Required: No" (and no REQUIRETLS), so a TLS policy may give way to plain delivery.
ALTER TABLE queue_message ADD COLUMN require_tls BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE queue_message ADD COLUMN tls_optional BOOLEAN DEFAULT FALSE NOT NULL;
