-- Data-sharing requests (alpr.sharing.v1) by day, legal basis and step (requested, approved, denied,
-- exported). Counts only: no case id, no recipient, no reference, no name.
CREATE TABLE sharing_daily (
    day date NOT NULL, legal_basis text NOT NULL, status text NOT NULL, count bigint NOT NULL,
    PRIMARY KEY (day, legal_basis, status)
);
