-- Greylisting (org.courriel.store.greylist.Triplets): in the store, so that a sender that retries on another
-- node is recognised. A triplet is (client network, sender, recipient); a network that passed once is
-- remembered in greylist_passed until its entry expires.
CREATE TABLE greylist_triplet (
    network     VARCHAR(64)  NOT NULL,
    sender      VARCHAR(320) NOT NULL,
    recipient   VARCHAR(320) NOT NULL,
    first_seen  BIGINT       NOT NULL,
    PRIMARY KEY (network, sender, recipient)
);
CREATE INDEX greylist_triplet_first_seen ON greylist_triplet (first_seen);

CREATE TABLE greylist_passed (
    network     VARCHAR(64)  PRIMARY KEY,
    expires     BIGINT       NOT NULL
);
