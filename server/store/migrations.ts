/**
 * The schema's migrations, in order: the position of each is the schema version it brings the database to. Every
 * migration is written for both databases (SQLite: the embedded default; PostgreSQL: DATABASE_URL); a new one is
 * appended to both lists, never inserted. SQLite keeps its version in `PRAGMA user_version`, PostgreSQL in the
 * `schema_version` table (server/store/migrate.ts).
 */

export const sqliteMigrations: readonly string[] = [
  `
  CREATE TABLE document_state (
    document_id TEXT PRIMARY KEY,
    state BLOB NOT NULL,
    through_seq INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE document_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX document_updates_by_document ON document_updates (document_id, seq);
  CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('secretariat', 'cofacilitator', 'delegation', 'stakeholder')),
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members (id),
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  ) WITHOUT ROWID;
  `,
  `
  ALTER TABLE members ADD COLUMN delegation TEXT;
  CREATE TABLE sessions (
    hash TEXT PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE invites (
    hash TEXT PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  ) WITHOUT ROWID;
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    dtg INTEGER NOT NULL CHECK (dtg IN (1, 2)),
    year INTEGER NOT NULL,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (dtg, year)
  ) WITHOUT ROWID;
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('annual-summary', 'recommendations', 'working-draft')),
    symbol TEXT,
    created_by INTEGER REFERENCES members (id),
    created_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX documents_by_workspace ON documents (workspace_id, created_at);
  CREATE TABLE catalogue_versions (
    version INTEGER PRIMARY KEY AUTOINCREMENT,
    override TEXT NOT NULL,
    created_by INTEGER REFERENCES members (id),
    created_at INTEGER NOT NULL
  );
  `,
  `
  ALTER TABLE members ADD COLUMN regional_group TEXT;
  CREATE TABLE workspace_leads (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    member_id INTEGER NOT NULL REFERENCES members (id),
    created_by INTEGER REFERENCES members (id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, member_id)
  ) WITHOUT ROWID;
  CREATE INDEX workspace_leads_by_member ON workspace_leads (member_id);
  CREATE TABLE revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL REFERENCES documents (id),
    label TEXT NOT NULL,
    note TEXT,
    state BLOB NOT NULL,
    content TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES members (id),
    created_at INTEGER NOT NULL,
    UNIQUE (document_id, label)
  );
  CREATE TABLE comment_threads (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id),
    anchor_start TEXT NOT NULL,
    anchor_end TEXT NOT NULL,
    quote TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES members (id),
    created_at INTEGER NOT NULL,
    resolved_by INTEGER REFERENCES members (id),
    resolved_at INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX comment_threads_by_document ON comment_threads (document_id, created_at);
  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES comment_threads (id),
    author_id INTEGER NOT NULL REFERENCES members (id),
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    edited_at INTEGER,
    deleted_at INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX comments_by_thread ON comments (thread_id, created_at);
  -- One row per document, member and minute, added to as updates are stored.
  CREATE TABLE contributions (
    document_id TEXT NOT NULL,
    -- No foreign key: the audit row rides in the transaction that stores the update, and must never be why it fails.
    member_id INTEGER NOT NULL,
    minute INTEGER NOT NULL,
    first_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    updates INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    PRIMARY KEY (document_id, minute, member_id)
  ) WITHOUT ROWID;
  `,
  `
  -- What was stored for a document that did not load whole, kept as it was for the operator (npm run admin -- recover).
  CREATE TABLE document_quarantine (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    state BLOB,
    created_at INTEGER NOT NULL,
    recovered_at INTEGER
  );
  CREATE INDEX document_quarantine_by_document ON document_quarantine (document_id, id);
  CREATE TABLE document_quarantine_updates (
    quarantine_id INTEGER NOT NULL REFERENCES document_quarantine (id),
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (quarantine_id, seq)
  ) WITHOUT ROWID;
  `,
  `
  -- What the masthead of the export for submission says (shared/schema/documentMetadata.ts).
  ALTER TABLE documents ADD COLUMN distribution TEXT NOT NULL DEFAULT 'general' CHECK (distribution IN ('general', 'limited'));
  ALTER TABLE documents ADD COLUMN body_name TEXT;
  ALTER TABLE documents ADD COLUMN session TEXT;
  ALTER TABLE documents ADD COLUMN agenda_item TEXT;
  ALTER TABLE documents ADD COLUMN original_language TEXT NOT NULL DEFAULT 'en';
  `,
  // Proposals: text a delegation proposes, beside the document like comment threads, with the stances of other
  // delegations and the decision; and the proposals open when each revision was cut.
  `
  CREATE TABLE proposals (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id),
    kind TEXT NOT NULL,
    anchor_start TEXT,
    anchor_end TEXT,
    quote TEXT NOT NULL,
    text TEXT,
    refs TEXT,
    recommendation_id TEXT,
    explanation TEXT,
    proposer_id INTEGER NOT NULL REFERENCES members (id),
    delegation TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    decided_by INTEGER REFERENCES members (id),
    decided_at INTEGER,
    decision_reason TEXT,
    credited_to TEXT,
    applied_start TEXT,
    applied_end TEXT,
    applied_text TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX proposals_by_document ON proposals (document_id, created_at);
  CREATE TABLE proposal_stances (
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    delegation TEXT NOT NULL,
    stance TEXT NOT NULL,
    reason TEXT,
    member_id INTEGER NOT NULL REFERENCES members (id),
    at INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, delegation)
  ) WITHOUT ROWID;
  CREATE TABLE revision_proposals (
    revision_id INTEGER PRIMARY KEY REFERENCES revisions (id),
    proposals TEXT NOT NULL
  );
  `,
  // Procedures on a revision (comment periods, silence) until a deadline; the objections of delegations breaking silence;
  // the outcome written once at the deadline and never changed; when each member last looked at the stage; the submission.
  `
  CREATE TABLE procedures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL REFERENCES documents (id),
    revision_id INTEGER NOT NULL REFERENCES revisions (id),
    kind TEXT NOT NULL CHECK (kind IN ('comments', 'silence')),
    deadline INTEGER NOT NULL CHECK (deadline % 1000 = 0),
    opened_by INTEGER NOT NULL REFERENCES members (id),
    opened_at INTEGER NOT NULL
  );
  CREATE INDEX procedures_by_document ON procedures (document_id, id);
  CREATE TABLE silence_objections (
    procedure_id INTEGER NOT NULL REFERENCES procedures (id),
    delegation TEXT NOT NULL,
    block_position INTEGER NOT NULL,
    block_number TEXT NOT NULL,
    reason TEXT NOT NULL,
    member_id INTEGER NOT NULL REFERENCES members (id),
    at INTEGER NOT NULL,
    PRIMARY KEY (procedure_id, delegation, block_number)
  ) WITHOUT ROWID;
  CREATE TABLE procedure_outcomes (
    procedure_id INTEGER PRIMARY KEY REFERENCES procedures (id),
    outcome TEXT NOT NULL CHECK (outcome IN ('closed', 'adopted', 'broken')),
    settled_at INTEGER NOT NULL,
    record TEXT NOT NULL
  );
  CREATE TRIGGER procedure_outcomes_no_update BEFORE UPDATE ON procedure_outcomes
    BEGIN SELECT RAISE(ABORT, 'an outcome record is immutable'); END;
  CREATE TRIGGER procedure_outcomes_no_delete BEFORE DELETE ON procedure_outcomes
    BEGIN SELECT RAISE(ABORT, 'an outcome record is immutable'); END;
  CREATE TRIGGER silence_objections_no_update BEFORE UPDATE ON silence_objections
    BEGIN SELECT RAISE(ABORT, 'an objection is immutable'); END;
  CREATE TRIGGER silence_objections_no_delete BEFORE DELETE ON silence_objections
    BEGIN SELECT RAISE(ABORT, 'an objection is immutable'); END;
  CREATE TRIGGER silence_objections_after_outcome BEFORE INSERT ON silence_objections
    WHEN EXISTS (SELECT 1 FROM procedure_outcomes WHERE procedure_id = NEW.procedure_id)
    BEGIN SELECT RAISE(ABORT, 'the procedure is settled'); END;
  CREATE TABLE stage_seen (
    document_id TEXT NOT NULL REFERENCES documents (id),
    member_id INTEGER NOT NULL REFERENCES members (id),
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (document_id, member_id)
  ) WITHOUT ROWID;
  CREATE TABLE document_submissions (
    document_id TEXT PRIMARY KEY REFERENCES documents (id),
    procedure_id INTEGER NOT NULL REFERENCES procedures (id),
    submitted_by INTEGER NOT NULL REFERENCES members (id),
    submitted_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  // Paragraph status: what co-facilitators say of each block (keyed by its top-level element's Yjs id), and the audit
  // of every change to it (set, reopened, dropped with its deleted block).
  `
  CREATE TABLE block_statuses (
    document_id TEXT NOT NULL REFERENCES documents (id),
    block_key TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('negotiating', 'agreed')),
    set_by INTEGER NOT NULL REFERENCES members (id),
    set_at INTEGER NOT NULL,
    PRIMARY KEY (document_id, block_key)
  ) WITHOUT ROWID;
  CREATE TABLE block_status_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL REFERENCES documents (id),
    block_key TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('set', 'reopen', 'removed')),
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    reason TEXT,
    member_id INTEGER REFERENCES members (id),
    at INTEGER NOT NULL
  );
  CREATE INDEX block_status_audit_by_document ON block_status_audit (document_id, id);
  `,
  // The history: automatic snapshots of a document's text (on a timer while it changes, and before a restore
  // or a proposal changes it), with the members whose edits went into each; thinned by the retention policy.
  `
  CREATE TABLE document_snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL REFERENCES documents (id),
    reason TEXT NOT NULL CHECK (reason IN ('auto', 'restore', 'proposal')),
    content TEXT NOT NULL,
    authors TEXT NOT NULL,
    taken_by INTEGER REFERENCES members (id),
    created_at INTEGER NOT NULL
  );
  CREATE INDEX document_snapshots_by_document ON document_snapshots (document_id, created_at);
  `,
  // When each member last looked at a document's comments: beside when they last looked at its stage, in the same
  // record per member and document (a row made here has seen_at 0: the stage not looked at yet).
  `
  ALTER TABLE stage_seen ADD COLUMN comments_seen_at INTEGER NOT NULL DEFAULT 0;
  `,  // The interface language a member chose (null: the browser's).
  `
  ALTER TABLE members ADD COLUMN language TEXT;
  `,
  // The SHA-256 of each compacted state, written with it: a load whose bytes match is served without reading them
  // through first (null: a state stored before digests were kept, which is read through as before).
  `
  ALTER TABLE document_state ADD COLUMN state_digest BLOB;
  `,
  `
  ALTER TABLE invites ADD COLUMN replaced_at INTEGER;
  CREATE INDEX invites_by_member ON invites (member_id);
  `,
]

/** The same schema on PostgreSQL: BIGINT times and ids, identity columns, BYTEA bytes, PL/pgSQL triggers. */
export const postgresMigrations: readonly string[] = [
  `
  CREATE TABLE document_state (
    document_id TEXT PRIMARY KEY,
    state BYTEA NOT NULL,
    through_seq BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE TABLE document_updates (
    seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    document_id TEXT NOT NULL,
    data BYTEA NOT NULL
  );
  CREATE INDEX document_updates_by_document ON document_updates (document_id, seq);
  CREATE TABLE members (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('secretariat', 'cofacilitator', 'delegation', 'stakeholder')),
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
  );
  CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    member_id BIGINT NOT NULL REFERENCES members (id),
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
  );
  `,
  `
  ALTER TABLE members ADD COLUMN delegation TEXT;
  CREATE TABLE sessions (
    hash TEXT PRIMARY KEY,
    member_id BIGINT NOT NULL REFERENCES members (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE TABLE invites (
    hash TEXT PRIMARY KEY,
    member_id BIGINT NOT NULL REFERENCES members (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
  );
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    dtg INTEGER NOT NULL CHECK (dtg IN (1, 2)),
    year INTEGER NOT NULL,
    title TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (dtg, year)
  );
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('annual-summary', 'recommendations', 'working-draft')),
    symbol TEXT,
    created_by BIGINT REFERENCES members (id),
    created_at BIGINT NOT NULL
  );
  CREATE INDEX documents_by_workspace ON documents (workspace_id, created_at);
  CREATE TABLE catalogue_versions (
    version BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    override TEXT NOT NULL,
    created_by BIGINT REFERENCES members (id),
    created_at BIGINT NOT NULL
  );
  `,
  `
  ALTER TABLE members ADD COLUMN regional_group TEXT;
  CREATE TABLE workspace_leads (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    member_id BIGINT NOT NULL REFERENCES members (id),
    created_by BIGINT REFERENCES members (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, member_id)
  );
  CREATE INDEX workspace_leads_by_member ON workspace_leads (member_id);
  CREATE TABLE revisions (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id),
    label TEXT NOT NULL,
    note TEXT,
    state BYTEA NOT NULL,
    content TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES members (id),
    created_at BIGINT NOT NULL,
    UNIQUE (document_id, label)
  );
  CREATE TABLE comment_threads (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id),
    anchor_start TEXT NOT NULL,
    anchor_end TEXT NOT NULL,
    quote TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES members (id),
    created_at BIGINT NOT NULL,
    resolved_by BIGINT REFERENCES members (id),
    resolved_at BIGINT
  );
  CREATE INDEX comment_threads_by_document ON comment_threads (document_id, created_at);
  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES comment_threads (id),
    author_id BIGINT NOT NULL REFERENCES members (id),
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    edited_at BIGINT,
    deleted_at BIGINT
  );
  CREATE INDEX comments_by_thread ON comments (thread_id, created_at);
  CREATE TABLE contributions (
    document_id TEXT NOT NULL,
    member_id BIGINT NOT NULL,
    minute BIGINT NOT NULL,
    first_at BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    updates BIGINT NOT NULL,
    bytes BIGINT NOT NULL,
    PRIMARY KEY (document_id, minute, member_id)
  );
  `,
  `
  CREATE TABLE document_quarantine (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    document_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    state BYTEA,
    created_at BIGINT NOT NULL,
    recovered_at BIGINT
  );
  CREATE INDEX document_quarantine_by_document ON document_quarantine (document_id, id);
  CREATE TABLE document_quarantine_updates (
    quarantine_id BIGINT NOT NULL REFERENCES document_quarantine (id),
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (quarantine_id, seq)
  );
  `,
  `
  ALTER TABLE documents ADD COLUMN distribution TEXT NOT NULL DEFAULT 'general' CHECK (distribution IN ('general', 'limited'));
  ALTER TABLE documents ADD COLUMN body_name TEXT;
  ALTER TABLE documents ADD COLUMN session TEXT;
  ALTER TABLE documents ADD COLUMN agenda_item TEXT;
  ALTER TABLE documents ADD COLUMN original_language TEXT NOT NULL DEFAULT 'en';
  `,
  `
  CREATE TABLE proposals (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id),
    kind TEXT NOT NULL,
    anchor_start TEXT,
    anchor_end TEXT,
    quote TEXT NOT NULL,
    text TEXT,
    refs TEXT,
    recommendation_id TEXT,
    explanation TEXT,
    proposer_id BIGINT NOT NULL REFERENCES members (id),
    delegation TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    decided_by BIGINT REFERENCES members (id),
    decided_at BIGINT,
    decision_reason TEXT,
    credited_to TEXT,
    applied_start TEXT,
    applied_end TEXT,
    applied_text TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX proposals_by_document ON proposals (document_id, created_at);
  CREATE TABLE proposal_stances (
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    delegation TEXT NOT NULL,
    stance TEXT NOT NULL,
    reason TEXT,
    member_id BIGINT NOT NULL REFERENCES members (id),
    at BIGINT NOT NULL,
    PRIMARY KEY (proposal_id, delegation)
  );
  CREATE TABLE revision_proposals (
    revision_id BIGINT PRIMARY KEY REFERENCES revisions (id),
    proposals TEXT NOT NULL
  );
  `,
  // The immutability of outcomes and objections: the same guarantee as SQLite's triggers, in PL/pgSQL.
  `
  CREATE TABLE procedures (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id),
    revision_id BIGINT NOT NULL REFERENCES revisions (id),
    kind TEXT NOT NULL CHECK (kind IN ('comments', 'silence')),
    deadline BIGINT NOT NULL CHECK (deadline % 1000 = 0),
    opened_by BIGINT NOT NULL REFERENCES members (id),
    opened_at BIGINT NOT NULL
  );
  CREATE INDEX procedures_by_document ON procedures (document_id, id);
  CREATE TABLE silence_objections (
    procedure_id BIGINT NOT NULL REFERENCES procedures (id),
    delegation TEXT NOT NULL,
    block_position INTEGER NOT NULL,
    block_number TEXT NOT NULL,
    reason TEXT NOT NULL,
    member_id BIGINT NOT NULL REFERENCES members (id),
    at BIGINT NOT NULL,
    PRIMARY KEY (procedure_id, delegation, block_number)
  );
  CREATE TABLE procedure_outcomes (
    procedure_id BIGINT PRIMARY KEY REFERENCES procedures (id),
    outcome TEXT NOT NULL CHECK (outcome IN ('closed', 'adopted', 'broken')),
    settled_at BIGINT NOT NULL,
    record TEXT NOT NULL
  );
  CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation'; END $$;
  CREATE FUNCTION refuse_objection_after_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM procedure_outcomes WHERE procedure_id = NEW.procedure_id) THEN
        RAISE EXCEPTION 'the procedure is settled' USING ERRCODE = 'restrict_violation';
      END IF;
      RETURN NEW;
    END $$;
  CREATE TRIGGER procedure_outcomes_no_update BEFORE UPDATE OR DELETE ON procedure_outcomes
    FOR EACH ROW EXECUTE FUNCTION refuse_change('an outcome record is immutable');
  CREATE TRIGGER procedure_outcomes_no_truncate BEFORE TRUNCATE ON procedure_outcomes
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('an outcome record is immutable');
  CREATE TRIGGER silence_objections_no_update BEFORE UPDATE OR DELETE ON silence_objections
    FOR EACH ROW EXECUTE FUNCTION refuse_change('an objection is immutable');
  CREATE TRIGGER silence_objections_no_truncate BEFORE TRUNCATE ON silence_objections
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('an objection is immutable');
  CREATE TRIGGER silence_objections_after_outcome BEFORE INSERT ON silence_objections
    FOR EACH ROW EXECUTE FUNCTION refuse_objection_after_outcome();
  CREATE TABLE stage_seen (
    document_id TEXT NOT NULL REFERENCES documents (id),
    member_id BIGINT NOT NULL REFERENCES members (id),
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (document_id, member_id)
  );
  CREATE TABLE document_submissions (
    document_id TEXT PRIMARY KEY REFERENCES documents (id),
    procedure_id BIGINT NOT NULL REFERENCES procedures (id),
    submitted_by BIGINT NOT NULL REFERENCES members (id),
    submitted_at BIGINT NOT NULL
  );
  `,
  `
  CREATE TABLE block_statuses (
    document_id TEXT NOT NULL REFERENCES documents (id),
    block_key TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('negotiating', 'agreed')),
    set_by BIGINT NOT NULL REFERENCES members (id),
    set_at BIGINT NOT NULL,
    PRIMARY KEY (document_id, block_key)
  );
  CREATE TABLE block_status_audit (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id),
    block_key TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('set', 'reopen', 'removed')),
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    reason TEXT,
    member_id BIGINT REFERENCES members (id),
    at BIGINT NOT NULL
  );
  CREATE INDEX block_status_audit_by_document ON block_status_audit (document_id, id);
  `,
  `
  CREATE TABLE document_snapshots (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id),
    reason TEXT NOT NULL CHECK (reason IN ('auto', 'restore', 'proposal')),
    content TEXT NOT NULL,
    authors TEXT NOT NULL,
    taken_by BIGINT REFERENCES members (id),
    created_at BIGINT NOT NULL
  );
  CREATE INDEX document_snapshots_by_document ON document_snapshots (document_id, created_at);
  `,
  `
  ALTER TABLE stage_seen ADD COLUMN comments_seen_at BIGINT NOT NULL DEFAULT 0;
  `,
  `
  ALTER TABLE members ADD COLUMN language TEXT;
  `,
  `
  ALTER TABLE document_state ADD COLUMN state_digest BYTEA;
  `,
  `
  ALTER TABLE invites ADD COLUMN replaced_at BIGINT;
  CREATE INDEX invites_by_member ON invites (member_id);
  `,
]

if (sqliteMigrations.length !== postgresMigrations.length) {
  throw new Error(`the migrations differ in number: ${sqliteMigrations.length} for SQLite, ${postgresMigrations.length} for PostgreSQL`)
}

/** The schema version this server brings a database to. */
export const schemaVersion = sqliteMigrations.length
