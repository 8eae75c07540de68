-- One-time keys of creates (a form's createKey, a JSON client's Idempotency-Key), each with
-- what its first create made, so a resubmit answers with that instead of creating again.
-- Portable SQL (PostgreSQL 15 and H2 2.5 in PostgreSQL mode).
--
-- A key is written in the transaction of its create, so a create that rolls back leaves no
-- key, and a row always names a resource that was committed. The primary key is what makes
-- two racing creates with one key yield one resource: the second insert fails, its whole
-- transaction (its invoice too) rolls back, and it answers with the first one's row.
-- Keys are scoped to the user and org that sent them; kind says what was created
-- ('invoice', 'ticket'), so a key cannot replay a create of another kind. Rows older than
-- the retention (48 h) are deleted by the next create of the same user in the same org.
CREATE TABLE idempotency_keys (
    user_id     BIGINT       NOT NULL REFERENCES users (id),
    org_id      VARCHAR(40)  NOT NULL REFERENCES orgs (id),
    idem_key    VARCHAR(100) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    resource_id BIGINT       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, org_id, idem_key)
);
