-- What an API token may do: 'read' (GET only) or 'write' as well. Tokens made before scopes
-- could do everything and keep their scope until revoked.
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'write'
  CHECK (scope IN ('read', 'write'));
-- When the owner last set a password: a token made before then no longer works, so a changed
-- password ends every token a leaked one could have made.
ALTER TABLE users ADD COLUMN password_changed_at TEXT NOT NULL DEFAULT '';
