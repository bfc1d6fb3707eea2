-- Data-sharing requests (SYSTEM.md promise 6): a legal basis, a supervisor's decision, and one export.
-- Each state change is on alpr.sharing.v1 before it is written here. No foreign key to cases: a case
-- destroyed under the retention schedule must not take the record of its sharing with it.
CREATE TABLE sharing_requests (
    request_id            text PRIMARY KEY,
    case_ids              text[] NOT NULL CHECK (cardinality(case_ids) BETWEEN 1 AND 100),
    legal_basis           text NOT NULL CHECK (legal_basis IN ('agreement', 'subpoena', 'court_order', 'statute', 'other')),
    reference             text NOT NULL,
    recipient             text NOT NULL,
    purpose               text NOT NULL,          -- free text: kept here, never on a topic
    status                text NOT NULL CHECK (status IN ('requested', 'approved', 'denied', 'exported')),
    requested_by          text NOT NULL,
    requested_at          timestamptz NOT NULL,
    decided_by            text,
    decided_at            timestamptz,
    decision_reason       text,                   -- free text: kept here, never on a topic
    exported_by           text,
    exported_at           timestamptz,
    exported_case_ids     text[] NOT NULL DEFAULT '{}',
    unavailable_case_ids  text[] NOT NULL DEFAULT '{}',
    CHECK ((status = 'requested') = (decided_by IS NULL)),
    CHECK ((status = 'exported') = (exported_by IS NOT NULL)),
    CHECK (status <> 'approved' AND status <> 'exported' OR decided_by <> requested_by)
);
CREATE INDEX sharing_requests_by_time ON sharing_requests (requested_at);
