-- The full-text document as a stored generated column of admin-module's "files" table.
--
-- With only an expression index (V2), every full-text search recomputed
-- query_search_document() - six to_tsvector calls - for each candidate row it looked at and
-- for every relevance score: 30-40 us per row, which made a search over a registry of a
-- million rows take hundreds of milliseconds (docs/benchmarks.md). Stored, the document is
-- computed once when a row is written (as the expression index did already) and read back
-- as data.
--
-- A generated column needs nothing from admin-module: its INSERT and UPDATE statements name
-- their columns and never this one, and PostgreSQL keeps it current on every write.
-- Adding it rewrites the table once under an exclusive lock (about a minute per million rows
-- on a small machine); admin-module's writes wait meanwhile, reads of other tables go on.
ALTER TABLE files
    ADD COLUMN IF NOT EXISTS query_document tsvector
        GENERATED ALWAYS AS (query_search_document(original_filename, description, tags)) STORED;
