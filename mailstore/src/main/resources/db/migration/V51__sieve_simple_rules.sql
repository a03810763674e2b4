-- Out-of-office and forwarding set without writing Sieve (REST, admin CLI); Courriel writes the script.
CREATE TABLE sieve_simple_rules (
    account_id        BIGINT NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    vacation_subject  VARCHAR(255),
    vacation_text     VARCHAR(10000),
    vacation_days     INT,
    forward_to        VARCHAR(320),
    forward_keep      BOOLEAN NOT NULL
);
