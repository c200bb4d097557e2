-- query-module search structures over admin-module's "files" table (admin owns and writes it).
-- These migrations add an extension, a function and indexes only: no columns, no triggers,
-- nothing admin-module's INSERT/UPDATE statements have to know about.

-- Trigram operator classes for substring (ILIKE '%...%') search. pg_trgm is a trusted
-- extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The full-text document of one file: file name (weight A), tags (B) and description (C),
-- each analysed with both the English and the Russian configuration so that word forms of
-- either language match ("reports" -> report, "документы" -> документ). File names are
-- split on '_', '.' and '-' first ("annual_report_2024.pdf" -> annual report 2024 pdf).
-- IMMUTABLE (the configurations are fixed), so it can back an expression index; search
-- queries must call it with exactly the same arguments for the index to apply.
CREATE OR REPLACE FUNCTION query_search_document(filename TEXT, description TEXT, tags TEXT[])
    RETURNS tsvector
    LANGUAGE sql
    IMMUTABLE
    PARALLEL SAFE
AS $$
    SELECT setweight(to_tsvector('english'::regconfig, translate(coalesce(filename, ''), '_.-', '   ')), 'A')
        || setweight(to_tsvector('russian'::regconfig, translate(coalesce(filename, ''), '_.-', '   ')), 'A')
        || setweight(to_tsvector('english'::regconfig, array_to_string(coalesce(tags, '{}'::text[]), ' ')), 'B')
        || setweight(to_tsvector('russian'::regconfig, array_to_string(coalesce(tags, '{}'::text[]), ' ')), 'B')
        || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'C')
        || setweight(to_tsvector('russian'::regconfig, coalesce(description, '')), 'C')
$$;
