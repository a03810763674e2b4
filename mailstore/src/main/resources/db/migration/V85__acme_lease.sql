-- One node orders a certificate at a time: a lease row keyed by what is ordered, with an expiry so that the
-- lease of a node that died while ordering lapses.
CREATE TABLE acme_lease (
    name        VARCHAR(64) NOT NULL PRIMARY KEY,
    holder      VARCHAR(64) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
