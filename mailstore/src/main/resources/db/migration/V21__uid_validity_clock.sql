-- One row from which every node draws UIDVALIDITY values (org.courriel.store.mailbox.UidValidityClock).
-- It starts past every value already given out, so an upgraded store never repeats one.
CREATE TABLE uid_validity_clock (
    id          INT PRIMARY KEY,
    last_value  BIGINT NOT NULL
);
INSERT INTO uid_validity_clock (id, last_value) SELECT 1, COALESCE(MAX(uid_validity), 0) FROM mailbox;
