-- Due dates and the org's payment terms. Portable SQL (PostgreSQL 15 and H2 2.5 in
-- PostgreSQL mode).
--
-- orgs.payment_terms_days: how many days after the issue date an invoice falls due when
-- its creator does not say (net 30 unless an org sets otherwise).
-- invoices.due_on: every existing invoice falls due its org's terms after its issue date.
ALTER TABLE orgs ADD COLUMN payment_terms_days INT DEFAULT 30 NOT NULL;
ALTER TABLE orgs ADD CONSTRAINT orgs_payment_terms_range CHECK (payment_terms_days BETWEEN 0 AND 365);

ALTER TABLE invoices ADD COLUMN due_on DATE;
UPDATE invoices SET due_on = CAST(issued_on + (SELECT o.payment_terms_days FROM orgs o WHERE o.id = invoices.org_id) * INTERVAL '1' DAY AS DATE);
ALTER TABLE invoices ALTER COLUMN due_on SET NOT NULL;
ALTER TABLE invoices ADD CONSTRAINT invoices_due_after_issue CHECK (due_on >= issued_on);

-- The overdue view and the summary's overdue figures: an org's sent invoices by due date.
CREATE INDEX invoices_org_sent_due ON invoices (org_id, status, due_on);
