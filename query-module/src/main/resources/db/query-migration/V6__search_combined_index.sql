-- One GIN index over every condition of a search that GIN can answer: the full-text document,
-- the tags, the file name's extensions (V5) and the file name's trigrams (partial search, the
-- filename filter). A search that combines them - words, a tag and an extension, say - is
-- answered by one index scan that intersects the posting lists, skipping through them, instead
-- of one bitmap per condition built in full and ANDed afterwards: with three broad conditions
-- (each matching 12-36 % of a million rows) that took 130-150 ms before a single row was read
-- (docs/benchmarks.md). A condition on one column alone uses the same index.
--
-- It replaces the separate indexes of V2 and V4 (same entries, so about the same size and the
-- same cost per write). Built CONCURRENTLY like the others (Flyway runs this script outside a
-- transaction): admin-module keeps writing meanwhile, and searches keep the old indexes until
-- the new one is valid.
CREATE INDEX CONCURRENTLY IF NOT EXISTS query_files_search_idx
    ON files USING gin (query_document, tags, query_file_extensions(original_filename), original_filename gin_trgm_ops);

DROP INDEX CONCURRENTLY IF EXISTS query_files_document_idx;
DROP INDEX CONCURRENTLY IF EXISTS query_files_filename_trgm_idx;
DROP INDEX CONCURRENTLY IF EXISTS query_files_tags_idx;
