-- Aggregate counts from the event streams, by calendar day in REPORTING_TIMEZONE. No plate text, ever.

CREATE TABLE reads_daily (
    day date NOT NULL, tract_id text NOT NULL, zone_id text NOT NULL, count bigint NOT NULL,
    PRIMARY KEY (day, tract_id, zone_id)
);

CREATE TABLE cases_daily (
    day date NOT NULL, tract_id text NOT NULL, zone_id text NOT NULL, kind text NOT NULL, count bigint NOT NULL,
    PRIMARY KEY (day, tract_id, zone_id, kind)
);

CREATE TABLE decisions_daily (
    day date NOT NULL, outcome text NOT NULL, reason text NOT NULL, zone_id text NOT NULL, kind text NOT NULL,
    count bigint NOT NULL,
    PRIMARY KEY (day, outcome, reason, zone_id, kind)
);

CREATE TABLE citations_daily (
    day date NOT NULL, tract_id text NOT NULL, zone_id text NOT NULL, count bigint NOT NULL,
    PRIMARY KEY (day, tract_id, zone_id)
);

CREATE TABLE destroyed_daily (
    day date NOT NULL, rule text NOT NULL, item_kind text NOT NULL, count bigint NOT NULL,
    PRIMARY KEY (day, rule, item_kind)
);

-- Ids of the events already counted (read_id, case_id, decision_id, citation_id, record_id), per
-- table, so that replaying a topic never counts an event twice. Ids only: no plate, no location.
CREATE TABLE counted_events (
    source text NOT NULL,
    event_id text NOT NULL,
    counted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source, event_id)
);
