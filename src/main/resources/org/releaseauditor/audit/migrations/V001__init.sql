-- Release Auditor case file, schema version 1.
-- Every digested column is TEXT or INTEGER (never REAL) so that row digests are exact.
-- Statements are separated by lines that contain only "-- ;;".

CREATE TABLE case_meta (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    title         TEXT NOT NULL,
    data_product  TEXT NOT NULL,
    controller    TEXT NOT NULL,
    auditor       TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
-- ;;
CREATE TABLE dataset (
    id            INTEGER PRIMARY KEY,
    path          TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    size_bytes    INTEGER NOT NULL,
    last_modified TEXT NOT NULL,
    schema_json   TEXT NOT NULL,
    added_at      TEXT NOT NULL
);
-- ;;
CREATE TABLE role_assignment (
    id            INTEGER PRIMARY KEY,
    dataset_id    INTEGER NOT NULL REFERENCES dataset(id),
    column_name   TEXT NOT NULL,
    role          TEXT NOT NULL,
    actor         TEXT NOT NULL,
    assigned_at   TEXT NOT NULL
);
-- ;;
CREATE TABLE attacker_model (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    model_json    TEXT NOT NULL,
    actor         TEXT NOT NULL,
    recorded_at   TEXT NOT NULL
);
-- ;;
CREATE TABLE analysis_run (
    id             INTEGER PRIMARY KEY,
    lane           TEXT NOT NULL,
    engine_version TEXT NOT NULL,
    params_json    TEXT NOT NULL,
    result_json    TEXT NOT NULL,
    dataset_ids    TEXT NOT NULL,
    actor          TEXT NOT NULL,
    run_at         TEXT NOT NULL
);
-- ;;
CREATE TABLE finding (
    id             INTEGER PRIMARY KEY,
    run_id         INTEGER NOT NULL REFERENCES analysis_run(id),
    policy_id      TEXT NOT NULL,
    policy_version TEXT NOT NULL,
    policy_json    TEXT NOT NULL,
    metric         TEXT NOT NULL,
    operator       TEXT NOT NULL,
    threshold      TEXT NOT NULL,
    measured       TEXT,
    status         TEXT NOT NULL CHECK (status IN ('PASS', 'WARN', 'FAIL')),
    explanation    TEXT NOT NULL,
    evaluated_at   TEXT NOT NULL
);
-- ;;
CREATE TABLE decision (
    id              INTEGER PRIMARY KEY,
    outcome         TEXT NOT NULL CHECK (outcome IN ('APPROVE', 'APPROVE_WITH_CONDITIONS', 'REJECT')),
    conditions      TEXT NOT NULL,
    rationale       TEXT NOT NULL CHECK (length(trim(rationale)) > 0),
    auditor         TEXT NOT NULL CHECK (length(trim(auditor)) > 0),
    dataset_sha256s TEXT NOT NULL,
    policy_json     TEXT,
    run_ids         TEXT NOT NULL,
    chain_head      TEXT NOT NULL,
    supersedes      INTEGER REFERENCES decision(id),
    decided_at      TEXT NOT NULL
);
-- ;;
CREATE TABLE audit_event (
    id             INTEGER PRIMARY KEY,
    occurred_at    TEXT NOT NULL,
    actor          TEXT NOT NULL,
    action         TEXT NOT NULL,
    dataset_sha256 TEXT,
    policy_json    TEXT,
    result_json    TEXT,
    rationale      TEXT,
    app_version    TEXT NOT NULL,
    prev_hash      TEXT NOT NULL,
    hash           TEXT NOT NULL
);
-- ;;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
-- ;;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
-- ;;
CREATE TRIGGER analysis_run_no_update BEFORE UPDATE ON analysis_run
BEGIN SELECT RAISE(ABORT, 'analysis_run is append-only'); END;
-- ;;
CREATE TRIGGER analysis_run_no_delete BEFORE DELETE ON analysis_run
BEGIN SELECT RAISE(ABORT, 'analysis_run is append-only'); END;
-- ;;
CREATE TRIGGER decision_no_update BEFORE UPDATE ON decision
BEGIN SELECT RAISE(ABORT, 'decision is append-only'); END;
-- ;;
CREATE TRIGGER decision_no_delete BEFORE DELETE ON decision
BEGIN SELECT RAISE(ABORT, 'decision is append-only'); END;
-- ;;
CREATE TRIGGER dataset_no_update BEFORE UPDATE ON dataset
BEGIN SELECT RAISE(ABORT, 'dataset is append-only'); END;
-- ;;
CREATE TRIGGER dataset_no_delete BEFORE DELETE ON dataset
BEGIN SELECT RAISE(ABORT, 'dataset is append-only'); END;
-- ;;
CREATE TRIGGER finding_no_update BEFORE UPDATE ON finding
BEGIN SELECT RAISE(ABORT, 'finding is append-only'); END;
-- ;;
CREATE TRIGGER finding_no_delete BEFORE DELETE ON finding
BEGIN SELECT RAISE(ABORT, 'finding is append-only'); END;
-- ;;
CREATE TRIGGER case_meta_no_update BEFORE UPDATE ON case_meta
BEGIN SELECT RAISE(ABORT, 'case_meta is append-only'); END;
-- ;;
CREATE TRIGGER case_meta_no_delete BEFORE DELETE ON case_meta
BEGIN SELECT RAISE(ABORT, 'case_meta is append-only'); END;
-- ;;
CREATE TRIGGER role_assignment_no_update BEFORE UPDATE ON role_assignment
BEGIN SELECT RAISE(ABORT, 'role_assignment is append-only'); END;
-- ;;
CREATE TRIGGER role_assignment_no_delete BEFORE DELETE ON role_assignment
BEGIN SELECT RAISE(ABORT, 'role_assignment is append-only'); END;
-- ;;
CREATE TRIGGER attacker_model_no_update BEFORE UPDATE ON attacker_model
BEGIN SELECT RAISE(ABORT, 'attacker_model is append-only'); END;
-- ;;
CREATE TRIGGER attacker_model_no_delete BEFORE DELETE ON attacker_model
BEGIN SELECT RAISE(ABORT, 'attacker_model is append-only'); END;
