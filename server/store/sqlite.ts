/** Opens the embedded SQLite database in DATA_DIR and brings its schema up to date. */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

export type Sqlite = Database.Database

export interface SqliteOptions {
  synchronous?: 'normal' | 'full'
  /** Leave WAL checkpoints to someone else (the server's checkpoint thread) instead of the writing connection. */
  externalCheckpoints?: boolean
}

const migrations: string[] = [
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
  `,
  `
  ALTER TABLE members ADD COLUMN language TEXT CHECK (language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es'));
  `,
]

export const databaseFileName = 'workspace.sqlite'

export function databasePath(dataDir: string): string {
  return path.join(dataDir, databaseFileName)
}

export function openSqlite(dataDir: string, options: SqliteOptions = {}): Sqlite {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const db = new Database(databasePath(dataDir))
  // First, so that every later statement waits for a lock another process (the admin CLI, the
  // checkpoint thread) holds for a moment instead of failing.
  db.pragma('busy_timeout = 5000')
  // A new database gives freed pages back to the file system bit by bit (see releaseFreePages); an older one keeps
  // them for reuse, as before (switching needs a full VACUUM). Set before anything is written to the file.
  if ((db.pragma('user_version', { simple: true }) as number) === 0) db.pragma('auto_vacuum = INCREMENTAL')
  // Asked first: switching the mode takes a lock that another process starting at the same moment may hold.
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`)
  db.pragma('foreign_keys = ON')
  if (options.externalCheckpoints) db.pragma('wal_autocheckpoint = 0')
  migrate(db)
  return db
}

/**
 * Returns up to `maxPages` free pages to the file system, when the database was created with incremental
 * auto-vacuum: compaction frees the pages of the merged log, which otherwise stay in the file for ever.
 */
export function releaseFreePages(db: Sqlite, maxPages: number): number {
  if (db.pragma('auto_vacuum', { simple: true }) !== 2) return 0
  const free = db.pragma('freelist_count', { simple: true }) as number
  if (free === 0) return 0
  const pages = Math.min(free, maxPages)
  db.pragma(`incremental_vacuum(${pages})`)
  return pages
}

function migrate(db: Sqlite): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > migrations.length) {
    throw new Error(`the database has schema version ${current}, newer than this server knows (${migrations.length})`)
  }
  for (let version = current; version < migrations.length; version++) {
    // IMMEDIATE, and the version read again inside: another process (the admin CLI) may have migrated meanwhile.
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) !== version) return
      db.exec(migrations[version])
      db.pragma(`user_version = ${version + 1}`)
    }).immediate()
  }
}
