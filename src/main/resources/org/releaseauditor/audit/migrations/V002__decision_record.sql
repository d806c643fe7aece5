-- Release Auditor case file, schema version 2: decision records fit for GDPR and four eyes.
-- New tables only: the rows of version 1 keep their digests, so old cases still verify.
-- Statements are separated by lines that contain only "-- ;;".

-- The GDPR record, the override and the seal of one decision (written with the decision, in
-- the same transaction and under the same DECISION_RECORDED event).
CREATE TABLE decision_record (
    id                     INTEGER PRIMARY KEY,
    decision_id            INTEGER NOT NULL UNIQUE REFERENCES decision(id),
    purpose                TEXT NOT NULL,
    legal_basis            TEXT NOT NULL,
    legal_basis_text       TEXT NOT NULL,
    recipients             TEXT NOT NULL,
    retention              TEXT NOT NULL,
    controller             TEXT NOT NULL,
    override_justification TEXT,
    overridden_findings    TEXT NOT NULL,
    conditions_json        TEXT NOT NULL,
    review_required        INTEGER NOT NULL CHECK (review_required IN (0, 1)),
    seal                   TEXT NOT NULL,
    recorded_at            TEXT NOT NULL
);
-- ;;
-- One row per output (dataset) of a decision: approve or reject, with a comment.
CREATE TABLE output_decision (
    id          INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decision(id),
    dataset_id  INTEGER NOT NULL REFERENCES dataset(id),
    sha256      TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('APPROVE', 'REJECT')),
    comment     TEXT NOT NULL,
    UNIQUE (decision_id, dataset_id)
);
-- ;;
-- The second reviewer's sign-off of a decision (its own REVIEW_RECORDED event).
CREATE TABLE review (
    id          INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decision(id),
    reviewer    TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
    comment     TEXT NOT NULL,
    chain_head  TEXT NOT NULL,
    reviewed_at TEXT NOT NULL
);
-- ;;
CREATE TRIGGER decision_record_no_update BEFORE UPDATE ON decision_record
BEGIN SELECT RAISE(ABORT, 'decision_record is append-only'); END;
-- ;;
CREATE TRIGGER decision_record_no_delete BEFORE DELETE ON decision_record
BEGIN SELECT RAISE(ABORT, 'decision_record is append-only'); END;
-- ;;
CREATE TRIGGER output_decision_no_update BEFORE UPDATE ON output_decision
BEGIN SELECT RAISE(ABORT, 'output_decision is append-only'); END;
-- ;;
CREATE TRIGGER output_decision_no_delete BEFORE DELETE ON output_decision
BEGIN SELECT RAISE(ABORT, 'output_decision is append-only'); END;
-- ;;
CREATE TRIGGER review_no_update BEFORE UPDATE ON review
BEGIN SELECT RAISE(ABORT, 'review is append-only'); END;
-- ;;
CREATE TRIGGER review_no_delete BEFORE DELETE ON review
BEGIN SELECT RAISE(ABORT, 'review is append-only'); END;
