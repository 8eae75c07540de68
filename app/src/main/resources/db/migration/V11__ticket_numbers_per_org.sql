-- Ticket numbers per org (#1, #2, … in each org, like invoice numbers), instead of the
-- global id. Portable SQL (PostgreSQL 15 and H2 2.5 in PostgreSQL mode).
--
-- orgs.last_ticket_no is the org's counter: a create bumps it (which also locks the org
-- row, so two creates in one org take turns) and uses the new value. A deleted ticket's
-- number is never handed out again.
ALTER TABLE orgs ADD COLUMN last_ticket_no BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE tickets ADD COLUMN ticket_no BIGINT;

UPDATE tickets SET ticket_no = (
    SELECT COUNT(*) FROM tickets older WHERE older.org_id = tickets.org_id AND older.id <= tickets.id);
UPDATE orgs SET last_ticket_no = COALESCE((SELECT MAX(t.ticket_no) FROM tickets t WHERE t.org_id = orgs.id), 0);

ALTER TABLE tickets ALTER COLUMN ticket_no SET NOT NULL;
ALTER TABLE tickets ADD CONSTRAINT tickets_number_per_org UNIQUE (org_id, ticket_no);
