-- Sign-in with passwords, users from an OpenID Connect issuer, case assignment and reversed decisions.

-- A local user may sign in with a password (argon2id hash) as well as with a bearer token.
ALTER TABLE users ADD COLUMN password_hash text;

-- Users signed in through OpenID Connect have no row here: the identity provider owns them.
ALTER TABLE evidence_views DROP CONSTRAINT evidence_views_user_name_fkey;
ALTER TABLE decisions DROP CONSTRAINT decisions_officer_fkey;

-- A supervisor may assign an open case to one officer; then only they (or a supervisor) decide it.
ALTER TABLE cases ADD COLUMN assigned_to text;
ALTER TABLE cases ADD COLUMN assigned_by text;
ALTER TABLE cases ADD COLUMN assigned_at timestamptz;

-- A supervisor may reverse a decision once, with a reason; the case then takes the opposite status.
CREATE TABLE reversals (
    case_id       text PRIMARY KEY REFERENCES cases ON DELETE CASCADE,
    decision_id   text NOT NULL UNIQUE,          -- the new Decision event's id
    reverses      text NOT NULL REFERENCES decisions (decision_id),
    outcome       text NOT NULL CHECK (outcome IN ('confirm', 'reject')),
    reason        text NOT NULL,                 -- the supervisor's words; never put on a topic
    supervisor    text NOT NULL,
    reversed_at   timestamptz NOT NULL,
    citation_id   text UNIQUE,                   -- a new citation when a rejection is reversed
    CHECK ((outcome = 'confirm') = (citation_id IS NOT NULL))
);
CREATE INDEX decisions_by_officer ON decisions (officer, decided_at);
