-- Authorization server state of admin-module: admin users and their refresh tokens,
-- service accounts (the OAuth 2.0 clients) and the RS256 signing keys.
-- All state lives here so that several admin-module replicas behave as one.

CREATE TABLE admin_users (
    id                    UUID PRIMARY KEY,
    username              VARCHAR(50)  NOT NULL,
    email                 VARCHAR(254),
    password_hash         VARCHAR(255) NOT NULL,
    role                  VARCHAR(16)  NOT NULL CHECK (role IN ('admin', 'readonly')),
    failed_login_attempts INTEGER      NOT NULL DEFAULT 0,
    locked_until          TIMESTAMPTZ,
    last_login_at         TIMESTAMPTZ,
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    CONSTRAINT admin_users_username_key UNIQUE (username)
);

-- Opaque refresh tokens: only a SHA-256 hash is stored. A token is single-use
-- (used_at is set when it is exchanged); used rows stay until expiry to detect reuse.
CREATE TABLE admin_refresh_tokens (
    token_hash CHAR(64)    PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES admin_users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX admin_refresh_tokens_user_idx ON admin_refresh_tokens (user_id);
CREATE INDEX admin_refresh_tokens_expiry_idx ON admin_refresh_tokens (expires_at);

CREATE TABLE service_accounts (
    id                     UUID PRIMARY KEY,
    client_id              VARCHAR(100) NOT NULL,
    name                   VARCHAR(50)  NOT NULL,
    description            VARCHAR(500),
    secret_hash            VARCHAR(255) NOT NULL,
    scopes                 TEXT[]       NOT NULL,
    status                 VARCHAR(16)  NOT NULL CHECK (status IN ('active', 'suspended')),
    secret_expiration_days INTEGER      NOT NULL CHECK (secret_expiration_days BETWEEN 0 AND 3650),
    secret_expires_at      TIMESTAMPTZ,
    created_at             TIMESTAMPTZ  NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL,
    CONSTRAINT service_accounts_client_id_key UNIQUE (client_id),
    CONSTRAINT service_accounts_name_key UNIQUE (name)
);
CREATE INDEX service_accounts_status_idx ON service_accounts (status);

-- RS256 signing keys. Exactly one is active; a retired key is still published and
-- accepted until grace_ends_at. private_key is PKCS#8, encrypted with AES-GCM when
-- an encryption password is configured (prefix "aes:"), otherwise "plain:".
CREATE TABLE jwt_keys (
    kid           VARCHAR(64)  PRIMARY KEY,
    algorithm     VARCHAR(16)  NOT NULL DEFAULT 'RS256',
    public_key    TEXT         NOT NULL,
    private_key   TEXT         NOT NULL,
    status        VARCHAR(16)  NOT NULL CHECK (status IN ('active', 'retired')),
    created_at    TIMESTAMPTZ  NOT NULL,
    retired_at    TIMESTAMPTZ,
    grace_ends_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX jwt_keys_one_active_idx ON jwt_keys (status) WHERE status = 'active';
