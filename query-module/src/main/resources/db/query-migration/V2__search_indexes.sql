-- Search indexes on admin-module's "files" table, built CONCURRENTLY so that admin-module
-- keeps writing while they are built (Flyway runs this script outside a transaction).
-- IF NOT EXISTS keeps a re-run harmless.

-- mode=partial and the filename / file_extension filters: ILIKE '%...%' on the file name.
CREATE INDEX CONCURRENTLY IF NOT EXISTS query_files_filename_trgm_idx
    ON files USING gin (original_filename gin_trgm_ops);

-- mode=exact: case-insensitive equality of the file name.
CREATE INDEX CONCURRENTLY IF NOT EXISTS query_files_filename_lower_idx
    ON files (lower(original_filename));

-- mode=fulltext: the document of query_search_document().
CREATE INDEX CONCURRENTLY IF NOT EXISTS query_files_search_document_idx
    ON files USING gin (query_search_document(original_filename, description, tags));

-- tags filter: "contains all of these tags" (tags @> ARRAY[...]).
CREATE INDEX CONCURRENTLY IF NOT EXISTS query_files_tags_idx
    ON files USING gin (tags);
