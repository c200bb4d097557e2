-- The file system under each SE's data directory, as its /api/v1/info reports it (optional:
-- older SEs do not). SEs reporting one filesystem_id share a disk, whose size and free space
-- must then be counted once.
ALTER TABLE storage_elements
    ADD COLUMN filesystem_id              TEXT,
    ADD COLUMN filesystem_total_bytes     BIGINT CHECK (filesystem_total_bytes >= 0),
    ADD COLUMN filesystem_available_bytes BIGINT CHECK (filesystem_available_bytes >= 0);
