-- Portable SQL: runs on PostgreSQL 15 and on H2 2.5 in PostgreSQL mode.
-- Each org's invoice numbering: the prefix, the last number handed out and how many digits
-- it is printed with (INV-1060 -> prefix 'INV-', last_number 1060, digits 4). Creating an
-- invoice increments last_number with an UPDATE, which row-locks this org's row until the
-- creating transaction ends: concurrent creates in one org queue here for a few milliseconds
-- and each gets its own number; creates in other orgs do not wait. The row is created on an
-- org's first create, continuing from its newest invoice's number (see InvoiceNumbers).
-- invoices_number_per_org (V1) stays the backstop against any duplicate.
CREATE TABLE invoice_number_series (
    org_id      VARCHAR(40) PRIMARY KEY REFERENCES orgs (id),
    prefix      VARCHAR(20) NOT NULL,
    last_number BIGINT      NOT NULL CHECK (last_number >= 0),
    digits      INT         NOT NULL CHECK (digits BETWEEN 1 AND 18)
);
