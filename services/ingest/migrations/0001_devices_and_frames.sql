-- Camera devices allowed to upload, and the frames ingest accepted (for de-duplication).
-- Only a SHA-256 hash of each device token is kept. Frames keep no location: minimization.

CREATE TABLE devices (
    device_id    text PRIMARY KEY,
    token_sha256 text NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    disabled     boolean NOT NULL DEFAULT false
);

CREATE TABLE frames (
    device_id    text NOT NULL REFERENCES devices (device_id),
    frame_id     text NOT NULL,
    object_key   text NOT NULL,
    content_type text NOT NULL,
    sha256       text NOT NULL,
    byte_size    integer NOT NULL,
    width        integer NOT NULL,
    height       integer NOT NULL,
    captured_at  timestamptz NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (device_id, frame_id)
);

CREATE INDEX frames_received_at ON frames (received_at);
