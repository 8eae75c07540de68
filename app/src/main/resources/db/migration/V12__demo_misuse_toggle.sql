-- The inspector's misuse toggle (demo profile), one value per org for every instance of a
-- cluster. The row for org '*' is the default of orgs without a row of their own (tests
-- switch every org at once through it).
CREATE TABLE demo_misuse_toggle (
  org_id     VARCHAR(40) PRIMARY KEY,
  list_misuse BOOLEAN NOT NULL
);
