-- Reads by hour of the day, accesses to data by role, and how long destroyed items lived.
-- Still no plate text, no exact location, and no name of anyone who accessed data.

-- Hour of the day (0-23, local to REPORTING_TIMEZONE) of each read; -1 for rows counted before this.
ALTER TABLE reads_daily ADD COLUMN hour smallint NOT NULL DEFAULT -1;
ALTER TABLE reads_daily DROP CONSTRAINT reads_daily_pkey, ADD PRIMARY KEY (day, hour, tract_id, zone_id);
ALTER TABLE reads_daily ALTER COLUMN hour DROP DEFAULT;

-- Whole minutes between an item's time (capture) and its destruction; -1 where the record had no item time.
ALTER TABLE destroyed_daily ADD COLUMN lived_minutes integer NOT NULL DEFAULT -1;
ALTER TABLE destroyed_daily DROP CONSTRAINT destroyed_daily_pkey, ADD PRIMARY KEY (day, rule, item_kind, lived_minutes);
ALTER TABLE destroyed_daily ALTER COLUMN lived_minutes DROP DEFAULT;

-- Audit events (alpr.audit.v1) by the kind and role of the actor, the action and its outcome.
CREATE TABLE accesses_daily (
    day date NOT NULL, actor_kind text NOT NULL, role text NOT NULL, action text NOT NULL, outcome text NOT NULL,
    count bigint NOT NULL,
    PRIMARY KEY (day, actor_kind, role, action, outcome)
);

-- Who accessed data, as a number of distinct actors per year and role: a one-way digest of
-- (year, kind, role, actor) per actor, never the name; the names stay in the audit trail only.
CREATE TABLE accessors_yearly (
    year integer NOT NULL, actor_kind text NOT NULL, role text NOT NULL, actor_digest text NOT NULL,
    PRIMARY KEY (year, actor_kind, role, actor_digest)
);
