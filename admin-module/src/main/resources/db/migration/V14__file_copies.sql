-- A file has copies (issue 25): one row per (file, storage element) in file_copies. The file
-- keeps its own status (active/expired/deleted) and checksum; each copy has its own status.
--
-- files.storage_element_id stays as the SE the file was first stored on (the contract's
-- storage_element_id); it no longer decides where the file lives, so removing that SE from the
-- registry must not remove the file: the foreign key now sets it to NULL instead of cascading.

ALTER TABLE storage_elements
    -- Copies of one file go to distinct sites where enough sites exist (NULL: the SE is its own site).
    ADD COLUMN site               TEXT CHECK (site IS NULL OR length(site) BETWEEN 1 AND 100),
    -- Set while the SE is being drained: its copies no longer count toward a file's wanted copies.
    ADD COLUMN drain_requested_at TIMESTAMPTZ,
    -- When the SE's last complete scrub pass finished (from its /api/v1/info; NULL: never or unknown).
    ADD COLUMN last_scrub_at      TIMESTAMPTZ;

ALTER TABLE files
    ALTER COLUMN storage_element_id DROP NOT NULL,
    DROP CONSTRAINT files_storage_element_id_fkey,
    ADD CONSTRAINT files_storage_element_id_fkey
        FOREIGN KEY (storage_element_id) REFERENCES storage_elements (id) ON DELETE SET NULL,
    -- The newest updated_at seen in the sidecars of the file's copies: a sidecar newer than this
    -- wins, an older one is brought up to date by the sync (NULL: not known yet).
    ADD COLUMN metadata_updated_at     TIMESTAMPTZ,
    -- Replication claims: the admin-module replica working on the file's copies, until when.
    -- Claimed with FOR UPDATE SKIP LOCKED; an expired claim (a replica that died) is taken over.
    ADD COLUMN replication_claimed_by  TEXT,
    ADD COLUMN replication_claim_until TIMESTAMPTZ,
    -- Failed attempts in a row and the last failure, for back-off and for operators.
    ADD COLUMN replication_attempts    INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN replication_last_error  TEXT;

CREATE TABLE file_copies (
    file_id            UUID        NOT NULL REFERENCES files (file_id) ON DELETE CASCADE,
    storage_element_id UUID        NOT NULL REFERENCES storage_elements (id) ON DELETE CASCADE,
    status             TEXT        NOT NULL CHECK (status IN ('ok', 'pending', 'missing', 'corrupt')),
    -- Last successful checksum check of this copy's bytes (NULL: never verified).
    verified_at        TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (file_id, storage_element_id)
);

CREATE INDEX file_copies_storage_element_idx ON file_copies (storage_element_id, status);
CREATE INDEX file_copies_not_ok_idx ON file_copies (status) WHERE status <> 'ok';

-- Today's single SE link becomes the file's one copy, present as far as the registry knows.
INSERT INTO file_copies (file_id, storage_element_id, status, verified_at, created_at, updated_at)
SELECT file_id, storage_element_id, 'ok', NULL, created_at, updated_at
FROM files
WHERE storage_element_id IS NOT NULL;

CREATE INDEX files_replication_claim_idx ON files (replication_claim_until) WHERE status = 'active';
