-- The comment thread of an invoice. Portable SQL (PostgreSQL 15 and H2 2.5 in PostgreSQL mode).
-- The id is the client-generated UUID (the post's clientId), which makes a post idempotent:
-- sending the same clientId twice can only ever store one row.
CREATE TABLE comments (
    id          UUID          PRIMARY KEY,
    org_id      VARCHAR(40)   NOT NULL REFERENCES orgs (id),
    invoice_id  BIGINT        NOT NULL REFERENCES invoices (id),
    author_id   BIGINT        NOT NULL REFERENCES users (id),
    body        VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
-- A thread is read newest first in keyset pages of (created_at, id): this index serves the
-- page at the end of a 10,000-comment thread as cheaply as the first one, and the count.
CREATE INDEX comments_thread_keyset ON comments (org_id, invoice_id, created_at DESC, id DESC);
