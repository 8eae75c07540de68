-- The org an invalidation was made for, so each org's inspector shows only its own entries
-- (page paths carry no org of their own). NULL for rows made outside any org's request
-- (older rows, background work without an org): those stay visible as before.
ALTER TABLE invalidation_log ADD COLUMN org_id VARCHAR(40);
CREATE INDEX invalidation_log_org_idx ON invalidation_log (org_id, id);
