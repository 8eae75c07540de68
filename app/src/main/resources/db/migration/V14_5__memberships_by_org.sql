-- The Members page lists one org's seats; the primary key (user_id, org_id) serves a
-- user's seats (every request's, when not cached) but not an org's.
CREATE INDEX memberships_by_org ON memberships (org_id, user_id);
