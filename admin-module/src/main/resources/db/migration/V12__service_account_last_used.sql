-- When a token was last issued to a service account, so an operator sees which accounts are
-- in use before deleting or rotating one. Written at most once a minute per account.
ALTER TABLE service_accounts ADD COLUMN last_used_at TIMESTAMPTZ;
