-- Storage-element registry and file registry (admin-module owns and writes these tables;
-- query-module only reads "files" and adds its own search indexes through its own migrations).

CREATE TABLE storage_elements (
    id                 UUID PRIMARY KEY,
    name               TEXT        NOT NULL,
    url                TEXT        NOT NULL,
    storage_id         TEXT        NOT NULL,
    mode               TEXT        NOT NULL CHECK (mode IN ('edit', 'rw', 'ro', 'ar')),
    status             TEXT        NOT NULL CHECK (status IN ('online', 'offline', 'degraded', 'maintenance')),
    capacity_bytes     BIGINT      NOT NULL DEFAULT 0 CHECK (capacity_bytes >= 0),
    used_bytes         BIGINT      NOT NULL DEFAULT 0 CHECK (used_bytes >= 0),
    available_bytes    BIGINT      NOT NULL DEFAULT 0 CHECK (available_bytes >= 0),
    last_sync_at       TIMESTAMPTZ,
    last_file_sync_at  TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT storage_elements_url_unique UNIQUE (url)
);

CREATE INDEX storage_elements_mode_status_idx ON storage_elements (mode, status);

CREATE TABLE files (
    file_id             UUID PRIMARY KEY,
    original_filename   TEXT        NOT NULL,
    content_type        TEXT        NOT NULL,
    size                BIGINT      NOT NULL CHECK (size >= 0),
    checksum            TEXT        NOT NULL,
    storage_element_id  UUID        NOT NULL REFERENCES storage_elements (id) ON DELETE CASCADE,
    storage_filename    TEXT,
    uploaded_by         TEXT        NOT NULL,
    uploaded_at         TIMESTAMPTZ NOT NULL,
    description         TEXT,
    tags                TEXT[]      NOT NULL DEFAULT '{}',
    status              TEXT        NOT NULL CHECK (status IN ('active', 'expired', 'deleted')),
    retention_policy    TEXT        NOT NULL CHECK (retention_policy IN ('temporary', 'permanent')),
    ttl_days            INTEGER     CHECK (ttl_days BETWEEN 1 AND 365),
    expires_at          TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX files_storage_element_idx ON files (storage_element_id);
CREATE INDEX files_status_uploaded_at_idx ON files (status, uploaded_at DESC);
CREATE INDEX files_uploaded_by_idx ON files (uploaded_by);
CREATE INDEX files_retention_policy_idx ON files (retention_policy);
