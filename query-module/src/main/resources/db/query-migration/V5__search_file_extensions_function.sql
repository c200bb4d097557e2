-- The extensions a file name ends with, as an array a GIN index can intersect with the other
-- search conditions (V6). The file_extension filter means "the name ends with '.' + extension,
-- ignoring case" (formerly ILIKE '%.ext' through the trigram index: a broad extension such as
-- pdf matched 30 % of the registry there and every candidate was checked again against the name).
--
-- The array holds the lower-cased text after each of the name's last three dots, taken from the
-- last 33 characters of the lower-cased name: 'Annual.Report.TAR.GZ' -> {gz, tar.gz, report.tar.gz}.
-- An extension with at most two dots inside and at most 32 characters after lower-casing is found
-- here exactly when the name ends with it (query-module checks this before using the array and
-- falls back to ILIKE otherwise; the API accepts extensions of at most 10 characters). Bounded
-- like this, an entry always fits a GIN index tuple, whatever the length of the name.
--
-- Written as one plain expression (no FROM, no subquery, no call of another function of ours) so
-- that PostgreSQL inlines it - about 2 us per row, paid when admin-module writes a row (index
-- maintenance) and never at search - and so that index builds, which run with search_path set to
-- pg_catalog only (PostgreSQL 17), find everything it calls. T below is the tail,
-- right(lower(filename), 33); it is spelled out where used.
CREATE OR REPLACE FUNCTION query_file_extensions(filename TEXT)
    RETURNS TEXT[]
    LANGUAGE sql
    IMMUTABLE
    PARALLEL SAFE
AS $$
    SELECT CASE length(right(lower(coalesce(filename, '')), 33)) - length(replace(right(lower(coalesce(filename, '')), 33), '.', ''))
               WHEN 0 THEN '{}'::text[]
               WHEN 1 THEN ARRAY[split_part(right(lower(coalesce(filename, '')), 33), '.', -1)]
               WHEN 2 THEN ARRAY[split_part(right(lower(coalesce(filename, '')), 33), '.', -1),
                                 split_part(right(lower(coalesce(filename, '')), 33), '.', -2) || '.' || split_part(right(lower(coalesce(filename, '')), 33), '.', -1)]
               ELSE ARRAY[split_part(right(lower(coalesce(filename, '')), 33), '.', -1),
                          split_part(right(lower(coalesce(filename, '')), 33), '.', -2) || '.' || split_part(right(lower(coalesce(filename, '')), 33), '.', -1),
                          split_part(right(lower(coalesce(filename, '')), 33), '.', -3) || '.' || split_part(right(lower(coalesce(filename, '')), 33), '.', -2)
                              || '.' || split_part(right(lower(coalesce(filename, '')), 33), '.', -1)]
           END
$$;
