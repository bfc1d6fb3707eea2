-- The retention inventory: every frame image, which cases use it as evidence, and what was destroyed.

CREATE TABLE frames (
    frame_id      text PRIMARY KEY,
    object_key    text NOT NULL,
    captured_at   timestamptz NOT NULL,
    ocr_done      boolean NOT NULL DEFAULT false,
    destroyed_at  timestamptz,
    destroyed_by  text  -- the rule that destroyed it
);
CREATE INDEX frames_live ON frames (captured_at) WHERE destroyed_at IS NULL;
CREATE INDEX frames_object_key ON frames (object_key);

CREATE TABLE cases (
    case_id     text PRIMARY KEY,
    state       text NOT NULL CHECK (state IN ('open', 'confirmed', 'rejected')),
    decided_at  timestamptz
);

CREATE TABLE case_evidence (
    case_id   text NOT NULL,
    frame_id  text NOT NULL,
    PRIMARY KEY (case_id, frame_id)
);
CREATE INDEX case_evidence_frame ON case_evidence (frame_id);
