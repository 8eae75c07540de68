-- Portable SQL: runs on PostgreSQL 15 and on H2 2.5 in PostgreSQL mode.

-- The list's search (GET /invoices?q=…): one row per org, prefix of a normalised word of an
-- invoice's number or customer name (accents dropped, lower case), and invoice. A search word
-- is then one equality on (org_id, term) whose rows the primary key already holds in the list's
-- keyset order (invoice id), so a page of a search reads 26 index entries from where the cursor
-- points, whether the word matches ten invoices or a million: no scan, no sort. Written by the
-- app in the transaction of each write (invoices.InvoiceSearchIndex); rows of invoices that
-- existed before this migration are added by the Java migration V14_2_1.
CREATE TABLE invoice_search_terms (
    org_id      VARCHAR(40) NOT NULL,
    term        VARCHAR(40) NOT NULL,
    invoice_id  BIGINT      NOT NULL REFERENCES invoices (id),
    PRIMARY KEY (org_id, term, invoice_id)
);
