-- Crypto-shredding: which case keys retention destroyed, and which epoch destructions it has recorded.

-- Set when the case's key was destroyed and its copies under cases/<case_id>/ deleted, records acknowledged.
ALTER TABLE cases ADD COLUMN shredded_at timestamptz, ADD COLUMN shredded_by text;  -- shredded_by: the rule
CREATE INDEX cases_unshredded ON cases (case_id) WHERE shredded_at IS NULL;

-- One row per destroyed epoch (keys.epochs) whose RetentionRecord and audit event were acknowledged.
-- A destroyed epoch without a row here is recorded by the next sweep, whoever destroyed it.
CREATE TABLE recorded_epochs (
    epoch_id      text PRIMARY KEY,
    destroyed_at  timestamptz NOT NULL,
    recorded_at   timestamptz NOT NULL
);
