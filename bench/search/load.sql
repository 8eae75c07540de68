-- The search benchmark's data set, loaded with generate_series into the schema the app has
-- just created (psql -v n=1000000, search_path set to that schema): n invoices in org "acme"
-- (the demo's org, so its users sign in), about 5% archived, their customers drawn from
-- 120 × 40 × 6 names (some with accents), their search rows (invoice_search_terms) made the
-- way the app makes them for these names: lower case, accents dropped, split at anything
-- that is not a letter or a digit, every prefix of every word.
\set ON_ERROR_STOP on
SET maintenance_work_mem = '256MB';
SET synchronous_commit = off;

CREATE TEMP TABLE first_words AS
SELECT row_number() OVER () - 1 AS k, w FROM unnest(ARRAY[
 'Acme','Northwind','Contoso','Fabrikam','Initech','Globex','Umbrella','Stark','Wayne','Hooli',
 'Vandelay','Soylent','Tyrell','Cyberdyne','Wonka','Oceanic','Massive','Aperture','Black','Blue',
 'Bright','Cedar','Coastal','Copper','Crystal','Delta','Eagle','Echo','Emerald','Evergreen',
 'Falcon','First','Fox','Golden','Granite','Green','Harbor','Highland','Horizon','Iron',
 'Jade','Juniper','Keystone','Lake','Liberty','Lion','Maple','Meadow','Metro','Midland',
 'Mountain','Nova','Oak','Olympic','Omega','Orchid','Pacific','Peak','Pine','Pioneer',
 'Pixel','Prairie','Prime','Quantum','Quartz','Rapid','Raven','Red','River','Rock',
 'Royal','Ruby','Sage','Sapphire','Silver','Sky','Solar','Spring','Star','Sterling',
 'Stone','Summit','Sun','Swift','Terra','Thunder','Titan','Trinity','True','Union',
 'United','Valley','Vector','Venture','Victory','Vista','West','White','Willow','Zenith',
 'Émile','Zoë','Müller','Société','Crème','Château','Añejo','Björk','Élan','Île',
 'Noël','Forêt','Kühne','Señor','Café','Brûlé','Façade','Garçon','Hôtel','Naïve']) AS w;
CREATE TEMP TABLE second_words AS
SELECT row_number() OVER () - 1 AS k, w FROM unnest(ARRAY[
 'Trading','Logistics','Systems','Foods','Health','Industries','Labs','Imports','Partners','Holdings',
 'Consulting','Design','Energy','Engineering','Farms','Finance','Freight','Games','Group','Interiors',
 'Legal','Marine','Media','Metals','Motors','Networks','Optics','Pharma','Print','Robotics',
 'Software','Studios','Supply','Textiles','Tools','Travel','Ventures','Bakery','Brewing','Électrique']) AS w;
CREATE TEMP TABLE suffixes AS
SELECT row_number() OVER () - 1 AS k, w FROM unnest(ARRAY['Ltd','GmbH','SARL','Inc.','LLC','Corp']) AS w;

-- Loaded without the search table's keys, which are built once at the end (a sort, not
-- 25 million random index inserts).
ALTER TABLE invoice_search_terms DROP CONSTRAINT invoice_search_terms_invoice_id_fkey;
ALTER TABLE invoice_search_terms DROP CONSTRAINT invoice_search_terms_pkey;

-- Fills the app's own column list (:columns, InvoiceColumns.ALL, which run.sh reads from the
-- jar it measures), each column by name from the row below: a column the app adds to invoices
-- (docs/INVOICES.md, "Adding a field to invoices") fails here by name until it gets a value.
INSERT INTO invoices (:columns)
SELECT :columns
FROM (
SELECT nextval(pg_get_serial_sequence('invoices', 'id')) AS id,
       'acme' AS org_id,
       'B-' || lpad(g::text, 7, '0') AS invoice_number,
       f.w || ' ' || s.w || ' ' || x.w AS customer_name,
       (ARRAY['draft','sent','paid','void'])[1 + ((g * 31) % 4)::int] AS status,
       ((g * 7919) % 500000) / 100.0 + 10 AS total,
       DATE '2020-01-01' + (g / 500)::int AS issued_on,
       DATE '2020-01-31' + (g / 500)::int AS due_on,
       CASE WHEN (g * 15485863) % 1000037 % 100 < 5 THEN 2 ELSE 1 END AS version,
       TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00' + g * INTERVAL '1 minute' AS created_at,
       TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00' + g * INTERVAL '1 minute' AS updated_at,
       CASE WHEN (g * 15485863) % 1000037 % 100 < 5 THEN TIMESTAMP WITH TIME ZONE '2020-02-01 00:00:00+00' + g * INTERVAL '1 minute' END AS archived_at,
       NULL::timestamptz AS deleted_at
FROM generate_series(1::bigint, :n::bigint) AS g
JOIN first_words f ON f.k = (g * 7919) % 1000003 % 120
JOIN second_words s ON s.k = (g * 104729) % 999983 % 40
JOIN suffixes x ON x.k = (g * 1299709) % 999979 % 6
) AS invoice;

INSERT INTO invoice_search_terms (org_id, term, invoice_id)
SELECT i.org_id, p.term, i.id
FROM invoices i
CROSS JOIN LATERAL (
    SELECT DISTINCT left(w.word, n) AS term
    FROM regexp_split_to_table(
             translate(lower(i.invoice_number || ' ' || i.customer_name),
                       'éèêëàâäôöüûùçïîñÉÈÊËÀÂÄÔÖÜÛÙÇÏÎÑ', 'eeeeaaaoouuuciineeeeaaaoouuuciin'),
             '[^a-z0-9]+') AS w(word)
    CROSS JOIN LATERAL generate_series(1, least(length(w.word), 40)) AS n
    WHERE w.word <> '') AS p
WHERE i.org_id = 'acme' AND i.invoice_number LIKE 'B-%';

ALTER TABLE invoice_search_terms ADD PRIMARY KEY (org_id, term, invoice_id);
ALTER TABLE invoice_search_terms ADD FOREIGN KEY (invoice_id) REFERENCES invoices (id);

UPDATE org_invoice_summaries s SET active_count = a.n, active_total = a.total
FROM (SELECT COUNT(*) AS n, COALESCE(SUM(total), 0) AS total FROM invoices
      WHERE org_id = 'acme' AND archived_at IS NULL AND deleted_at IS NULL) a
WHERE s.org_id = 'acme';

VACUUM (ANALYZE) invoices;
VACUUM (ANALYZE) invoice_search_terms;
CHECKPOINT;

SELECT (SELECT COUNT(*) FROM invoices WHERE org_id = 'acme') AS acme_invoices,
       (SELECT COUNT(*) FROM invoice_search_terms WHERE org_id = 'acme') AS search_rows,
       pg_size_pretty(pg_table_size('invoice_search_terms')) AS search_heap,
       pg_size_pretty(pg_indexes_size('invoice_search_terms')) AS search_index,
       pg_size_pretty(pg_table_size('invoices')) AS invoices_heap;
