-- Epoch keys (plate tokens and data) and per-case data keys, stored only wrapped by the master key.
-- Destroying a key nulls its wrapped columns and stamps destroyed_at: the row stays as a tombstone,
-- so a destroyed epoch is never created again and opening under it says "destroyed", not "unknown".

CREATE TABLE epochs (
    epoch_id text PRIMARY KEY,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    master_key_id text NOT NULL,
    wrapped_hmac_key bytea,
    wrapped_data_key bytea,
    created_at timestamptz NOT NULL DEFAULT now(),
    destroyed_at timestamptz,
    CHECK ((destroyed_at IS NULL) = (wrapped_hmac_key IS NOT NULL AND wrapped_data_key IS NOT NULL))
);

CREATE INDEX epochs_live_by_end ON epochs (ends_at) WHERE destroyed_at IS NULL;

CREATE TABLE case_keys (
    case_id text PRIMARY KEY,
    master_key_id text NOT NULL,
    wrapped_data_key bytea,
    created_at timestamptz NOT NULL DEFAULT now(),
    destroyed_at timestamptz,
    CHECK ((destroyed_at IS NULL) = (wrapped_data_key IS NOT NULL))
);
