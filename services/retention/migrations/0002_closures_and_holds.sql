-- Citations close (the clock of the citation rule starts), and supervisors place and lift legal holds.

ALTER TABLE cases ADD COLUMN closed_at timestamptz;

-- Citation id -> case id, from alpr.citations.v1 (nothing else of the citation is kept here).
CREATE TABLE citations (
    citation_id  text PRIMARY KEY,
    case_id      text NOT NULL
);
CREATE INDEX citations_case ON citations (case_id);

-- One row per hold; a released hold stays as history. At most one active hold per case and reference.
CREATE TABLE legal_holds (
    hold_id      bigserial PRIMARY KEY,
    case_id      text NOT NULL,
    reference    text NOT NULL CHECK (reference <> ''),
    placed_by    text NOT NULL CHECK (placed_by <> ''),
    placed_at    timestamptz NOT NULL,
    released_by  text,
    released_at  timestamptz,
    CHECK ((released_by IS NULL) = (released_at IS NULL))
);
CREATE UNIQUE INDEX legal_holds_active ON legal_holds (case_id, reference) WHERE released_at IS NULL;
