-- Review: violation cases from the rules service, the officers who decide them, and their decisions.
-- Applied in schema "review" (search_path is set to it by the migration runner).

CREATE TABLE users (
    name          text PRIMARY KEY,
    role          text NOT NULL CHECK (role IN ('officer', 'supervisor', 'auditor', 'vendor', 'admin')),
    token_sha256  text NOT NULL UNIQUE,  -- hex SHA-256 of the bearer token; the token itself is never stored
    disabled      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cases (
    case_id        text PRIMARY KEY,
    plate_text     text NOT NULL,
    zone_id        text NOT NULL,
    zone_name      text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('OVERSTAY', 'NO_PERMIT')),
    rule_summary   text NOT NULL,
    limit_minutes  integer NOT NULL,
    grace_minutes  integer NOT NULL,
    opened_at      timestamptz NOT NULL,
    status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'rejected'))
);
CREATE INDEX cases_queue ON cases (status, opened_at);

-- The evidence of a case: one row per sighting (n is its 0-based position in the case event).
CREATE TABLE sightings (
    case_id      text NOT NULL REFERENCES cases ON DELETE CASCADE,
    n            integer NOT NULL CHECK (n >= 0),
    read_id      text NOT NULL,
    frame_id     text NOT NULL,
    object_key   text NOT NULL,
    captured_at  timestamptz NOT NULL,
    lat          double precision NOT NULL,
    lon          double precision NOT NULL,
    plate_text   text NOT NULL,
    confidence   real NOT NULL,
    box          integer[] NOT NULL CHECK (cardinality(box) = 4),  -- x, y, width, height in pixels
    PRIMARY KEY (case_id, n)
);

-- Who opened which evidence image first (every opening is also on the audit topic).
CREATE TABLE evidence_views (
    case_id    text NOT NULL REFERENCES cases ON DELETE CASCADE,
    user_name  text NOT NULL REFERENCES users (name),
    n          integer NOT NULL,
    viewed_at  timestamptz NOT NULL,
    PRIMARY KEY (case_id, user_name, n)
);

-- At most one decision per case; written only after the broker acknowledged its events.
CREATE TABLE decisions (
    case_id          text PRIMARY KEY REFERENCES cases ON DELETE CASCADE,
    decision_id      text NOT NULL UNIQUE,
    outcome          text NOT NULL CHECK (outcome IN ('confirm', 'reject')),
    reason           text,
    corrected_plate  text,
    note             text,
    officer          text NOT NULL REFERENCES users (name),
    decided_at       timestamptz NOT NULL,
    citation_id      text UNIQUE,
    CHECK ((outcome = 'confirm') = (citation_id IS NOT NULL)),
    CHECK (outcome = 'confirm' OR reason IS NOT NULL)
);
