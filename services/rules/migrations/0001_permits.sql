-- Residential parking permits, imported from the city's CSV by `alpr permits import`.
-- One row per plate and zone; a permit covers valid_from <= capture time < valid_to.
CREATE TABLE permits (
    plate       text        NOT NULL CHECK (plate <> ''),
    zone_id     text        NOT NULL CHECK (zone_id <> ''),
    valid_from  timestamptz NOT NULL,
    valid_to    timestamptz NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (plate, zone_id, valid_from),
    CHECK (valid_to > valid_from)
);

CREATE INDEX permits_valid_to ON permits (valid_to);
