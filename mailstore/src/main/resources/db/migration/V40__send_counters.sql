-- Messages and recipients sent per account and per domain in each hour (org.courriel.store.limit.SendCounters):
-- in the store, so that every node counts against the same limits. Rows older than two hours are deleted.
CREATE TABLE send_counter (
    scope        VARCHAR(16)  NOT NULL,
    subject      VARCHAR(320) NOT NULL,
    hour_index   BIGINT       NOT NULL,
    messages     BIGINT       NOT NULL,
    recipients   BIGINT       NOT NULL,
    PRIMARY KEY (scope, subject, hour_index)
);
