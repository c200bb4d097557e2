-- The full-text index moves from the expression (V2) to the stored column (V3). Built
-- CONCURRENTLY like the others (Flyway runs this script outside a transaction).
CREATE INDEX CONCURRENTLY IF NOT EXISTS query_files_document_idx
    ON files USING gin (query_document);

DROP INDEX CONCURRENTLY IF EXISTS query_files_search_document_idx;
